package io.shoal.engine.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a container's log file as {@link LogEntry}s; with follow, keeps reading as the file grows until
 * {@code finished} says the container has exited and the file is drained. A file truncated by rotation
 * ({@code --log-size-max}) is read again from its start.
 */
public final class LogReader {

    private LogReader() {
    }

    public static void read(Path file, boolean follow, BooleanSupplier finished, Consumer<LogEntry> sink)
            throws IOException, InterruptedException {
        long offset = 0;
        StringBuilder pending = new StringBuilder();
        while (true) {
            boolean done = finished.getAsBoolean();
            if (Files.exists(file)) {
                long size = Files.size(file);
                if (size < offset) {
                    offset = 0;
                    pending.setLength(0);
                }
                if (size > offset) {
                    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                        raf.seek(offset);
                        BufferedReader r = new BufferedReader(new InputStreamReader(
                                Channels.newInputStream(raf.getChannel()), StandardCharsets.UTF_8));
                        int c;
                        while ((c = r.read()) >= 0) {
                            if (c == '\n') {
                                LogEntry e = LogEntry.fromK8s(pending.toString());
                                if (e != null) {
                                    sink.accept(e);
                                }
                                pending.setLength(0);
                            } else {
                                pending.append((char) c);
                            }
                        }
                        offset = size;
                    }
                }
            }
            if (!follow || done) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
