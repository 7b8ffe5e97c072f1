package io.shoal.engine.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a container's log files (older generations first, the live file last) as {@link LogEntry}s filtered by a
 * {@link LogQuery}. With {@code follow} it keeps reading the live file as it grows until {@code finished} says the
 * container has exited and the file is drained; a live file replaced or truncated by rotation is read again from
 * its start. A sink stops a follow by throwing.
 */
public final class LogReader {

    private static final long POLL_MILLIS = 50;

    private LogReader() {
    }

    public static void read(List<Path> files, LogQuery query, BooleanSupplier finished, Consumer<LogEntry> sink)
            throws IOException, InterruptedException {
        Deque<LogEntry> tail = query.tail() < 0 ? null : new ArrayDeque<>();
        Consumer<LogEntry> first = e -> {
            if (!query.accepts(e)) {
                return;
            }
            if (tail == null) {
                sink.accept(e);
            } else if (query.tail() > 0) {
                tail.addLast(e);
                if (tail.size() > query.tail()) {
                    tail.removeFirst();
                }
            }
        };
        for (int i = 0; i < files.size() - 1; i++) {
            new Cursor(files.get(i)).drain(first);
        }
        Cursor live = new Cursor(files.get(files.size() - 1));
        live.drain(first);
        if (tail != null) {
            tail.forEach(sink);
        }
        Consumer<LogEntry> next = e -> {
            if (query.accepts(e)) {
                sink.accept(e);
            }
        };
        while (query.follow()) {
            boolean done = finished.getAsBoolean();
            live.drain(next);
            if (done) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** A position in one log file, following it across replacement or truncation. */
    private static final class Cursor {
        private final Path file;
        private Object fileKey;
        private long offset;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Cursor(Path file) {
            this.file = file;
        }

        void drain(Consumer<LogEntry> sink) throws IOException {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return;
            }
            if (!Objects.equals(attrs.fileKey(), fileKey) || attrs.size() < offset) {
                fileKey = attrs.fileKey();
                offset = 0;
                pending.reset();
            }
            if (attrs.size() == offset) {
                return;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.position(offset);
                InputStream in = Channels.newInputStream(ch);
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    offset += n;
                    int start = 0;
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            pending.write(buf, start, i - start);
                            LogEntry e = LogEntry.fromK8s(pending.toString(StandardCharsets.UTF_8));
                            pending.reset();
                            if (e != null) {
                                sink.accept(e);
                            }
                            start = i + 1;
                        }
                    }
                    pending.write(buf, start, n - start);
                }
            }
        }
    }
}
