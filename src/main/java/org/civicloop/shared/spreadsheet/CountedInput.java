package org.civicloop.shared.spreadsheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stream that counts the bytes read from it, so that another thread can tell how far through its
 * {@code total} bytes the reading is (a progress bar). Skipped bytes count as read.
 */
final class CountedInput extends FilterInputStream {

    private final AtomicLong count = new AtomicLong();
    private final long total;

    /** @param total the stream's length, or a value below 1 when it is unknown */
    CountedInput(InputStream in, long total) {
        super(in);
        this.total = total;
    }

    /** 0 to 1: the share of the stream read so far; 0 while the length is unknown. */
    double share() {
        return total < 1 ? 0 : Math.min(1.0, count.get() / (double) total);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count.incrementAndGet();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count.addAndGet(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            count.addAndGet(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false; // a reset would have to take the count back
    }
}
