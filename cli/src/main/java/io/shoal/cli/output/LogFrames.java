package io.shoal.cli.output;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads Docker's multiplexed stream: frames of an 8-byte header (stream: 1 stdout, 2 stderr, 3 the daemon's error;
 * three zero bytes; a big-endian length) and that many bytes, until the body ends.
 */
public final class LogFrames {
    public static final int STDOUT = 1;
    public static final int STDERR = 2;
    public static final int SYSTEM_ERROR = 3;

    private LogFrames() {}

    /** What is done with each frame; it may throw to stop reading. */
    public interface Sink {
        void frame(int stream, byte[] payload) throws IOException;
    }

    public static void read(InputStream body, Sink sink) throws IOException {
        DataInputStream in = new DataInputStream(body);
        while (true) {
            int stream;
            try {
                stream = in.readUnsignedByte();
            } catch (EOFException end) {
                return;
            }
            in.skipNBytes(3);
            int length = in.readInt();
            if (stream > SYSTEM_ERROR || length < 0) {
                throw new IOException("not Docker's multiplexed stream: frame header of stream " + stream + ", length " + length);
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            sink.frame(stream, payload);
        }
    }
}
