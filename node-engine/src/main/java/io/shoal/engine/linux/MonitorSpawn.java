package io.shoal.engine.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.IntByReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts a monitor straight from the JVM with posix_spawn(3): stdin and stdout on /dev/null, stderr to a file,
 * a pipe's write end on fd 3 (the monitor's sync pipe), no other descriptor of the JVM, every signal unblocked
 * and at its default, in a given directory. {@link ProcessBuilder} can pass only stdio, so the sync pipe used to
 * need a {@code sh} that opened a FIFO on fd 3, a thread blocked opening the FIFO's other end, and
 * jspawnhelper, three extra steps (~3 ms) on every container start.
 */
final class MonitorSpawn implements AutoCloseable {

    private final int pid;
    private final int syncFd;
    private boolean reaped;
    private boolean detached;

    private MonitorSpawn(int pid, int syncFd) {
        this.pid = pid;
        this.syncFd = syncFd;
    }

    /** Spawns {@code argv} ({@code argv[0]} is the program's path) with {@code env} as its whole environment. */
    static MonitorSpawn start(List<String> argv, Map<String, String> env, Path cwd, Path stderr) throws IOException {
        LibC c = LibC.INSTANCE;
        int[] fds = new int[2];
        try {
            c.pipe2(fds, LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("pipe2: errno " + e.getErrorCode(), e);
        }
        Memory actions = new Memory(LibC.SPAWN_FILE_ACTIONS_SIZE);
        Memory attr = new Memory(LibC.SPAWN_ATTR_SIZE);
        Memory none = new Memory(LibC.SIGSET_SIZE);
        Memory all = new Memory(LibC.SIGSET_SIZE);
        c.posix_spawn_file_actions_init(actions);
        c.posix_spawnattr_init(attr);
        try {
            check("addopen stdin", c.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", LibC.O_RDONLY, 0));
            check("addopen stdout", c.posix_spawn_file_actions_addopen(actions, 1, "/dev/null", LibC.O_WRONLY, 0));
            check("addopen stderr", c.posix_spawn_file_actions_addopen(actions, 2, stderr.toString(),
                    LibC.O_WRONLY | LibC.O_CREAT | LibC.O_TRUNC, 0600));
            check("adddup2", c.posix_spawn_file_actions_adddup2(actions, fds[1], 3));
            // the JVM's own descriptors (sockets, jars, other containers' pipes) must not live on in a monitor
            check("addclosefrom", c.posix_spawn_file_actions_addclosefrom_np(actions, 4));
            check("addchdir", c.posix_spawn_file_actions_addchdir_np(actions, cwd.toString()));
            // JVM threads block some signals (SIGQUIT) and the JVM handles others: the monitor starts clean
            c.sigemptyset(none);
            c.sigfillset(all);
            check("setsigmask", c.posix_spawnattr_setsigmask(attr, none));
            check("setsigdefault", c.posix_spawnattr_setsigdefault(attr, all));
            check("setflags", c.posix_spawnattr_setflags(attr,
                    (short) (LibC.POSIX_SPAWN_SETSIGMASK | LibC.POSIX_SPAWN_SETSIGDEF)));
            String[] envp = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            IntByReference pid = new IntByReference();
            int err = c.posix_spawn(pid, argv.get(0), actions, attr, new StringArray(argv.toArray(String[]::new)),
                    new StringArray(envp));
            if (err != 0) {
                throw new IOException("posix_spawn " + argv.get(0) + ": errno " + err);
            }
            return new MonitorSpawn(pid.getValue(), fds[0]);
        } catch (IOException | RuntimeException e) {
            closeQuietly(fds[0]);
            throw e;
        } finally {
            closeQuietly(fds[1]);
            c.posix_spawn_file_actions_destroy(actions);
            c.posix_spawnattr_destroy(attr);
        }
    }

    private static void check(String what, int err) throws IOException {
        if (err != 0) {
            throw new IOException("posix_spawn " + what + ": errno " + err);
        }
    }

    /**
     * Reads one JSON object ({@code {"data": …}}) from the sync pipe; the monitor keeps its end open, so EOF cannot
     * be awaited. Empty if the pipe closed first (the monitor ended without replying).
     */
    String readReply(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[512];
        int depth = 0;
        while (true) {
            int left = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            int[] pollfd = {syncFd, LibC.POLLIN};
            int ready;
            try {
                ready = LibC.INSTANCE.poll(pollfd, 1, left);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR) {
                    continue;
                }
                throw new IOException("poll sync pipe: errno " + e.getErrorCode(), e);
            }
            if (ready == 0) {
                throw new IOException("no reply on the monitor's sync pipe within " + timeout.toSeconds() + " s");
            }
            long n;
            try {
                n = LibC.INSTANCE.read(syncFd, buf, buf.length);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR) {
                    continue;
                }
                throw new IOException("read sync pipe: errno " + e.getErrorCode(), e);
            }
            if (n <= 0) {
                return out.toString(StandardCharsets.UTF_8).trim();
            }
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                out.write(b);
                if (b == '{') {
                    depth++;
                } else if (b == '}' && --depth == 0) {
                    return out.toString(StandardCharsets.UTF_8).trim();
                }
            }
        }
    }

    int pid() {
        return pid;
    }

    /** Waits for the spawned process to exit and returns its exit code (128 + signal if killed). */
    int awaitExit() throws IOException {
        int[] status = new int[1];
        while (true) {
            try {
                LibC.INSTANCE.waitpid(pid, status, 0);
                reaped = true;
                int s = status[0];
                return (s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw new IOException("waitpid " + pid + ": errno " + e.getErrorCode(), e);
                }
            }
        }
    }

    /**
     * Leaves the running process to the caller, who must reap it when it ends ({@link ExitWatcher#adopt}):
     * {@link #close} will then only close the sync pipe.
     */
    int detach() {
        detached = true;
        return pid;
    }

    /**
     * Closes the sync pipe and, unless {@link #detach}ed, reaps the process if that was not done yet (it must not
     * stay a zombie).
     */
    @Override
    public void close() throws IOException {
        closeQuietly(syncFd);
        if (!reaped && !detached) {
            awaitExit();
        }
    }

    private static void closeQuietly(int fd) {
        try {
            LibC.INSTANCE.close(fd);
        } catch (LastErrorException ignored) {
            // already closed
        }
    }
}
