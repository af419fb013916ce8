package org.manfadh.sync;

/**
 * At a post: sends the outbox to headquarters after the last acknowledged seq. Only headquarters'
 * answer moves the acknowledged seq, so a lost request or answer means the batch is sent again.
 */
public interface Pusher {

    /** The result of one push: how many records headquarters acknowledged, or why it stopped. */
    record Result(int acknowledged, long acknowledgedSeq, String error) {
    }

    /** Sends batches until the outbox is acknowledged or headquarters cannot be reached; at headquarters, nothing. */
    Result push();
}
