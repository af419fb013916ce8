package org.manfadh.sync.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An answer from headquarters that is closed when a read waits longer than the allowed time for its
 * next bytes. A request's own timeout ends with the answer's headers; a satellite link that stalls
 * after them would otherwise hold the post's push or pull until the connection dies, which can take
 * hours. Only time spent waiting in a read counts: the post taking its time with what it has read
 * is not a stall.
 */
final class StalledAnswer extends FilterInputStream {

    private final long allowedNanos;
    private final Duration allowed;
    private final ScheduledFuture<?> watch;
    private volatile long readingSince;
    private volatile boolean stalled;

    StalledAnswer(InputStream answer, Duration allowed, ScheduledExecutorService watchdog) {
        super(answer);
        this.allowed = allowed;
        this.allowedNanos = allowed.toNanos();
        long every = Math.max(50, allowed.toMillis() / 4);
        this.watch = watchdog.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    private void check() {
        long since = readingSince;
        if (since != 0 && System.nanoTime() - since > allowedNanos && !stalled) {
            stalled = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // the read it unblocks reports the stall
            }
        }
    }

    @Override
    public int read() throws IOException {
        return watched(super::read);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return watched(() -> super.read(b, off, len));
    }

    /** A read of the answer. */
    private interface Read {
        int next() throws IOException;
    }

    /** A read timed by the watchdog; the end of the answer, or a failure, after a stall is the stall. */
    private int watched(Read read) throws IOException {
        readingSince = System.nanoTime();
        try {
            int n = read.next();
            if (n < 0 && stalled) {
                throw stall();
            }
            return n;
        } catch (IOException e) {
            throw stalled ? stall() : e;
        } finally {
            readingSince = 0;
        }
    }

    private HttpTimeoutException stall() {
        return new HttpTimeoutException("Headquarters' answer stalled: nothing arrived for " + allowed.toSeconds() + " s");
    }

    @Override
    public void close() throws IOException {
        watch.cancel(false);
        super.close();
    }
}
