package org.manfadh.sync;

/**
 * At headquarters: a post's batch applied in one transaction, once however often it is sent. A
 * batch that is malformed, comes from a node that is not the sender's, or carries a record the
 * post could not have made is refused as a {@link org.manfadh.platform.Rejection}, and nothing of it
 * is applied.
 */
public interface Batches {

    Batch.Applied apply(Batch batch, Sender sender);
}
