package io.shoal.engine.linux;

import io.shoal.engine.host.OciRuntime;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Learns of container exits from the monitors' exit files ({@code exitDir/<id>}, written atomically when the
 * container's process ends) through one inotify watch on the directory, so an exit is seen within a
 * millisecond without a thread per container. A sweep every second completes, with code -1, the runs whose
 * monitor died without writing its file (kill -9 of the monitor). The monitor marks an OOM kill with the file
 * {@code oom} in the bundle before it writes the exit file. Monitors this engine spawned are its children: it reaps
 * them ({@link #adopt}) so none stays a zombie and a dead one is seen as dead.
 */
final class ExitWatcher implements AutoCloseable {

    private static final int WNOHANG = 1;

    private record Pending(CompletableFuture<OciRuntime.Exit> future, Path bundle, long monitorPid) { }

    private final Path exitDir;
    private final WatchService watcher;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final java.util.Set<Integer> children = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;
    private final Thread thread;

    ExitWatcher(Path exitDir) throws IOException {
        this.exitDir = Files.createDirectories(exitDir);
        this.watcher = FileSystems.getDefault().newWatchService();
        exitDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        thread = new Thread(this::loop, "shoal-engine-exits");
        thread.setDaemon(true);
        thread.start();
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shoal-engine-monitor-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    Path fileOf(String id) {
        return exitDir.resolve(id);
    }

    CompletableFuture<OciRuntime.Exit> watch(String id, Path bundle, long monitorPid) {
        Pending p = pending.compute(id, (k, old) -> old != null && old.monitorPid() == monitorPid ? old
                : new Pending(new CompletableFuture<>(), bundle, monitorPid));
        if (Files.exists(fileOf(id))) {
            complete(id);
        } else if (!alive(monitorPid)) {
            completeLost(id, p);
        }
        return p.future();
    }

    /** A monitor this process spawned and left running: reaped by the sweep once it has ended. */
    void adopt(int pid) {
        children.add(pid);
    }

    private void reapChildren() {
        int[] status = new int[1];
        for (Integer pid : children) {
            try {
                if (LibC.INSTANCE.waitpid(pid, status, WNOHANG) == pid) {
                    children.remove(pid);
                }
            } catch (com.sun.jna.LastErrorException e) {
                if (e.getErrorCode() == LibC.ECHILD) {
                    children.remove(pid);
                }
            }
        }
    }

    void forget(String id) throws IOException {
        pending.remove(id);
        Files.deleteIfExists(fileOf(id));
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.context() instanceof Path name) {
                        complete(name.toString());
                    } else {
                        pending.keySet().forEach(id -> {
                            if (Files.exists(fileOf(id))) {
                                complete(id);
                            }
                        });
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void complete(String id) {
        Pending p = pending.get(id);
        if (p == null) {
            return;
        }
        int code;
        try {
            String text = Files.readString(fileOf(id)).trim();
            if (text.isEmpty()) {
                return; // being written: the modify event follows
            }
            code = Integer.parseInt(text);
        } catch (IOException | NumberFormatException e) {
            code = -1;
        }
        if (pending.remove(id, p)) {
            p.future().complete(new OciRuntime.Exit(code, oom(p.bundle())));
        }
    }

    private void completeLost(String id, Pending p) {
        if (Files.exists(fileOf(id))) {
            complete(id);
        } else if (pending.remove(id, p)) {
            p.future().complete(new OciRuntime.Exit(-1, oom(p.bundle())));
        }
    }

    private void sweep() {
        reapChildren(); // an ended monitor that is still our zombie would look alive
        pending.forEach((id, p) -> {
            if (!alive(p.monitorPid())) {
                completeLost(id, p);
            }
        });
    }

    private static boolean oom(Path bundle) {
        return Files.exists(bundle.resolve("oom"));
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        try {
            watcher.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
