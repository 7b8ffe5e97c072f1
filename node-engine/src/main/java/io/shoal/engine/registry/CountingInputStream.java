package io.shoal.engine.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read, tells {@code progress} the running total at most every {@code step} bytes and at the
 * end, and refuses to read past {@code limit}: a registry that sends more than the descriptor's size is cut off
 * rather than filling the disk.
 */
final class CountingInputStream extends FilterInputStream {

    private final long limit;
    private final long step;
    private final LongConsumer progress;
    private volatile long count;
    private long reported;

    CountingInputStream(InputStream in, long limit, long step, LongConsumer progress) {
        super(in);
        this.limit = limit;
        this.step = step;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            report();
            return n;
        }
        count += n;
        if (count > limit) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "more than the " + limit
                    + " bytes its descriptor announced");
        }
        if (count - reported >= step) {
            report();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(n, 8192)]);
    }

    long count() {
        return count;
    }

    private void report() {
        if (count != reported || count == 0) {
            reported = count;
            progress.accept(count);
        }
    }
}
