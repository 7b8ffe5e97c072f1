/*
 * shoal-monitor: the node engine's per-container monitor (what Debian's conmon did for it, without glib, a
 * runtime wrapper script or a second runc).
 *
 *   shoal-monitor --id ID --bundle DIR --runc PATH --runc-root DIR --log FILE --exit-file FILE
 *                 [--rootfs DIR --overlay MOUNT-DATA] [--log-max BYTES] [--tty]
 *
 * The engine spawns it with a pipe on fd 3. It leaves the engine's session for one of its own (no signal sent to
 * the engine's process group reaches it), mounts the container's overlay rootfs (--overlay is mount(2)'s data) at
 * --rootfs in a mount namespace of its own, so the host's mount table does not grow by a mount per container
 * (runc copies the whole table into every container it starts, and pivots away from it: each start got slower
 * with every container running), becomes the child subreaper, and runs `runc run --detach` of the bundle with the
 * container's stdout and stderr on pipes it holds (with --tty: the terminal runc hands over on a console socket);
 * while runc starts, it warms the kernel's cgroup migration lock for runc's move of the container's init.
 * Then it returns to the engine's mount namespace, and its own one is freed (the container's holds the rootfs
 * from then on; it is unmounted when the container's last process ends). It answers on fd 3 with
 * {"data": <container pid>, "monitor": <own pid>}, or {"data": -1, "message": "..."} when runc failed, and
 * closes it. Then it writes the container's output to the log in k8s-file lines
 * ("<RFC 3339 time> <stdout|stderr> <F|P> <text>"), starting the file afresh when it would pass --log-max,
 * reaps the container's init when it exits (it was re-parented to this subreaper), notes an OOM kill of the
 * container's memory cgroup as the file "oom" in the bundle, writes the exit code (128+signal when killed)
 * to the exit file atomically (write, then rename), and ends. It outlives the engine: the engine reads the
 * files, never the monitor's memory. It does not fork itself away from the engine: a start is then one process
 * hop shorter, which under load is milliseconds of waiting to be scheduled. While the engine lives it reaps its
 * monitors; when it dies they are re-parented like any orphan and keep running.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SYNC_FD 3
#define DRAIN_MS 1000

static const char *opt_id, *opt_bundle, *opt_runc, *opt_runc_root, *opt_log, *opt_exit_file, *opt_rootfs, *opt_overlay;
static long long opt_log_max;
static int opt_tty;

static int log_fd = -1;
static long long log_written;

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("shoal-monitor: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    _exit(1);
}

static void write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return; /* a full disk loses output, never the container */
        }
        buf += n;
        len -= (size_t) n;
    }
}

/* The reply on the sync pipe, with the message JSON-escaped. */
static void reply(long pid, const char *message) {
    char out[8192];
    size_t n = 0;
    if (message == NULL) {
        n = (size_t) snprintf(out, sizeof out, "{\"data\": %ld, \"monitor\": %ld}\n", pid, (long) getpid());
    } else {
        n = (size_t) snprintf(out, sizeof out, "{\"data\": %ld, \"message\": \"", pid);
        for (const unsigned char *p = (const unsigned char *) message; *p && n < sizeof out - 16; p++) {
            if (*p == '"' || *p == '\\') {
                out[n++] = '\\';
                out[n++] = (char) *p;
            } else if (*p < 0x20) {
                n += (size_t) snprintf(out + n, sizeof out - n, "\\u%04x", *p);
            } else {
                out[n++] = (char) *p;
            }
        }
        n += (size_t) snprintf(out + n, sizeof out - n, "\"}\n");
    }
    write_all(SYNC_FD, out, n);
    close(SYNC_FD);
}

static int open_log(int truncate) {
    if (!truncate) {
        return open(opt_log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    }
    /* a fresh file replaces the full one at once: readers see either the old file or the new one */
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s.tmp", opt_log);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0640);
    if (fd >= 0 && rename(tmp, opt_log) != 0) {
        close(fd);
        unlink(tmp);
        return -1;
    }
    return fd;
}

static void log_chunk(const char *stream, const char *buf, size_t len) {
    struct timespec ts;
    struct tm tm;
    char stamp[64];
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    size_t sl = strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(stamp + sl, sizeof stamp - sl, ".%09ldZ", ts.tv_nsec);

    size_t lines = 1;
    for (size_t i = 0; i < len; i++) {
        lines += buf[i] == '\n';
    }
    size_t cap = len + lines * (strlen(stamp) + 16);
    char *out = malloc(cap);
    if (out == NULL) {
        return;
    }
    size_t n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        int end = i == len;
        if (!end && buf[i] != '\n') {
            continue;
        }
        if (end && i == start) {
            break;
        }
        size_t line = strlen(stamp) + strlen(stream) + 4 + (i - start) + 1;
        if (opt_log_max > 0 && (n > 0 || log_written > 0) && log_written + (long long) (n + line) > opt_log_max) {
            /* the cap falls inside this chunk: what came before goes to the full file, the rest to a new one */
            if (log_fd >= 0) {
                write_all(log_fd, out, n);
                close(log_fd);
            }
            n = 0;
            log_fd = open_log(1);
            log_written = 0;
        }
        n += (size_t) snprintf(out + n, cap - n, "%s %s %c ", stamp, stream, end ? 'P' : 'F');
        memcpy(out + n, buf + start, i - start);
        n += i - start;
        out[n++] = '\n';
        start = i + 1;
    }
    if (log_fd >= 0) {
        write_all(log_fd, out, n);
        log_written += (long long) n;
    }
    free(out);
}

/* The container's memory cgroup directory, from /proc/PID/cgroup (cgroup v1 "memory" line, else v2 "0::"). */
static char *memory_cgroup(long pid) {
    char path[64], line[4096];
    snprintf(path, sizeof path, "/proc/%ld/cgroup", pid);
    FILE *f = fopen(path, "re");
    if (f == NULL) {
        return NULL;
    }
    char *found = NULL;
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\n")] = 0;
        char *first = strchr(line, ':');
        char *second = first ? strchr(first + 1, ':') : NULL;
        if (second == NULL) {
            continue;
        }
        *second = 0;
        char dir[PATH_MAX];
        if (strstr(first + 1, "memory") != NULL) {
            const char *ctrls = first + 1;
            int exact = 0;
            for (const char *c = ctrls; *c;) {
                size_t l = strcspn(c, ",");
                if (l == 6 && strncmp(c, "memory", 6) == 0) {
                    exact = 1;
                }
                c += l + (c[l] == ',');
            }
            if (exact) {
                snprintf(dir, sizeof dir, "/sys/fs/cgroup/%s%s", ctrls, second + 1);
                free(found);
                found = strdup(dir);
                break;
            }
        } else if (line[0] == '0' && first == line + 1 && first[1] == 0 && found == NULL) {
            snprintf(dir, sizeof dir, "/sys/fs/cgroup%s", second + 1);
            found = strdup(dir);
        }
    }
    fclose(f);
    return found;
}

/*
 * Moves the monitor into the cgroup it is already in, right after it forked runc: the move changes nothing, but the
 * kernel takes its cgroup migration lock for it. The first taker after an idle spell waits out an RCU grace period
 * (5-16 ms measured here on cgroup v1; runc's own move of the container's init was the longest step of a start).
 * Takers that come while that wait is under way share it, and those that come soon after it do not wait at all; so
 * runc's move, ~6 ms into its start, no longer waits a whole grace period of its own after it: the wait runs
 * alongside runc's start. Best effort: a cgroup file system the monitor cannot write only leaves runc to wait.
 */
static void warm_cgroup_migration(void) {
    char *dir = memory_cgroup((long) getpid());
    if (dir == NULL) {
        return;
    }
    char path[PATH_MAX], pid[32];
    snprintf(path, sizeof path, "%s/cgroup.procs", dir);
    free(dir);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        int n = snprintf(pid, sizeof pid, "%ld", (long) getpid());
        if (write(fd, pid, (size_t) n) < 0) {
            /* read-only or delegated elsewhere: nothing lost but the head start */
        }
        close(fd);
    }
}

/* Whether the kernel's OOM killer killed a process in the cgroup (v1 memory.oom_control, v2 memory.events). */
static int oom_killed(const char *cgroup) {
    const char *files[] = {"memory.oom_control", "memory.events"};
    for (int i = 0; i < 2; i++) {
        char path[PATH_MAX], line[256];
        snprintf(path, sizeof path, "%s/%s", cgroup, files[i]);
        FILE *f = fopen(path, "re");
        if (f == NULL) {
            continue;
        }
        long long count = 0;
        while (fgets(line, sizeof line, f) != NULL) {
            if (strncmp(line, "oom_kill ", 9) == 0) {
                count = atoll(line + 9);
            }
        }
        fclose(f);
        return count > 0;
    }
    return 0;
}

static void write_exit(int code) {
    char tmp[PATH_MAX], text[32];
    const char *slash = strrchr(opt_exit_file, '/');
    int dir_len = slash ? (int) (slash - opt_exit_file) : 0;
    snprintf(tmp, sizeof tmp, "%.*s/.%s.tmp", dir_len, opt_exit_file, slash ? slash + 1 : opt_exit_file);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        die("open %s: %s", tmp, strerror(errno));
    }
    int n = snprintf(text, sizeof text, "%d", code);
    write_all(fd, text, (size_t) n);
    close(fd);
    if (rename(tmp, opt_exit_file) != 0) {
        die("rename %s: %s", tmp, strerror(errno));
    }
}

/* The pty master runc sends over the console socket (SCM_RIGHTS), or -1. */
static int receive_master(int listener) {
    int conn = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (conn < 0) {
        return -1;
    }
    char data[4096];
    char control[CMSG_SPACE(sizeof(int))];
    struct iovec iov = {.iov_base = data, .iov_len = sizeof data};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
    int fd = -1;
    if (recvmsg(conn, &msg, MSG_CMSG_CLOEXEC) > 0) {
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        if (c != NULL && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            memcpy(&fd, CMSG_DATA(c), sizeof fd);
        }
    }
    close(conn);
    return fd;
}

#define USAGE "usage: shoal-monitor --id ID --bundle DIR --runc PATH --runc-root DIR --log FILE --exit-file FILE " \
    "[--rootfs DIR --overlay MOUNT-DATA] [--log-max BYTES] [--tty]"

static void parse(int argc, char **argv) {
    /* getopt_long's index of each option is the index of its value in `values` (--tty and --log-max aside) */
    const char **values[] = {&opt_id, &opt_bundle, &opt_runc, &opt_runc_root, &opt_log, &opt_exit_file,
                             &opt_rootfs, &opt_overlay};
    static const struct option options[] = {
        {"id", required_argument, NULL, 0}, {"bundle", required_argument, NULL, 0},
        {"runc", required_argument, NULL, 0}, {"runc-root", required_argument, NULL, 0},
        {"log", required_argument, NULL, 0}, {"exit-file", required_argument, NULL, 0},
        {"rootfs", required_argument, NULL, 0}, {"overlay", required_argument, NULL, 0},
        {"log-max", required_argument, NULL, 'm'}, {"tty", no_argument, NULL, 't'}, {NULL, 0, NULL, 0},
    };
    int c, index;
    while ((c = getopt_long(argc, argv, "", options, &index)) != -1) {
        if (c == 0) {
            *values[index] = optarg;
        } else if (c == 't') {
            opt_tty = 1;
        } else if (c == 'm') {
            char *end;
            opt_log_max = strtoll(optarg, &end, 10);
            if (*end != 0 || opt_log_max < 0) {
                die("--log-max needs a byte count, got %s", optarg);
            }
        } else {
            die(USAGE); /* getopt_long said what was wrong */
        }
    }
    if (optind != argc || !opt_id || !opt_bundle || !opt_runc || !opt_runc_root || !opt_log || !opt_exit_file
        || !opt_rootfs != !opt_overlay) {
        die(USAGE);
    }
}

/*
 * A copy of the host's mounts that sends nothing back, then the rootfs in it alone. Returns a descriptor of the
 * mount namespace it left, for leave_mount_namespace.
 */
static int mount_rootfs(void) {
    int host = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
    if (host < 0) {
        die("open /proc/self/ns/mnt: %s", strerror(errno));
    }
    if (unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) != 0) {
        die("mount namespace: %s", strerror(errno));
    }
    if (mount("overlay", opt_rootfs, "overlay", 0, opt_overlay) != 0) {
        die("mount overlay rootfs at %s: %s", opt_rootfs, strerror(errno));
    }
    return host;
}

/*
 * Once runc has started the container (its mount namespace holds its own copy of the rootfs), the monitor goes
 * back to the namespace it came from. No process is left in its own one, so the kernel frees it with
 * its copy of the host's mounts: none of them stays pinned while the container runs, and no later mount on the
 * host has to be propagated into one more namespace per running container.
 */
static void leave_mount_namespace(int host) {
    if (setns(host, CLONE_NEWNS) != 0) {
        fprintf(stderr, "shoal-monitor: setns back to the host's mount namespace: %s\n", strerror(errno));
    }
    close(host);
}

/* The forked child: `runc run --detach` with the container's stdio (console: the terminal goes there instead). */
static void exec_runc(const sigset_t *chld, const char *pid_file, const char *console, int out_fd, int err_fd) {
    sigprocmask(SIG_UNBLOCK, chld, NULL);
    signal(SIGPIPE, SIG_DFL);
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    dup2(null, 0);
    dup2(console ? null : out_fd, 1);
    dup2(err_fd, 2);
    char root_arg[PATH_MAX];
    snprintf(root_arg, sizeof root_arg, "--root=%s", opt_runc_root);
    const char *args[16];
    int n = 0;
    args[n++] = "runc";
    args[n++] = root_arg;
    args[n++] = "run";
    args[n++] = "--detach";
    args[n++] = "--pid-file";
    args[n++] = pid_file;
    args[n++] = "--bundle";
    args[n++] = opt_bundle;
    if (console) {
        args[n++] = "--console-socket";
        args[n++] = console;
    }
    args[n++] = opt_id;
    args[n] = NULL;
    execv(opt_runc, (char *const *) args);
    fprintf(stderr, "exec %s: %s\n", opt_runc, strerror(errno));
    _exit(127);
}

/*
 * Logs the container's output until its init (`pid`, re-parented to this subreaper) has exited and the streams
 * are drained (at most DRAIN_MS after the exit); returns its exit code, 128 + signal when killed.
 */
static int follow(int out_fd, int err_fd, int sfd, long pid) {
    /* fds[0]: stdout (or the terminal), fds[1]: stderr, fds[2]: SIGCHLD */
    struct pollfd fds[3] = {
        {.fd = out_fd, .events = POLLIN},
        {.fd = err_fd, .events = POLLIN},
        {.fd = sfd, .events = POLLIN},
    };
    const char *streams[2] = {"stdout", "stderr"};
    int exited = 0, code = -1;
    struct timespec drain_start;
    char buf[65536];
    for (;;) {
        int open_streams = (fds[0].fd >= 0) + (fds[1].fd >= 0);
        int timeout = -1;
        if (exited) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            long waited = (now.tv_sec - drain_start.tv_sec) * 1000 + (now.tv_nsec - drain_start.tv_nsec) / 1000000;
            if (open_streams == 0 || waited >= DRAIN_MS) {
                break;
            }
            timeout = (int) (DRAIN_MS - waited);
        }
        int ready = poll(fds, 3, timeout);
        if (ready < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        for (int s = 0; s < 2; s++) {
            if (fds[s].fd < 0 || fds[s].revents == 0) {
                continue;
            }
            ssize_t n = read(fds[s].fd, buf, sizeof buf);
            if (n > 0) {
                log_chunk(streams[s], buf, (size_t) n);
            } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                close(fds[s].fd); /* EOF, or EIO from a terminal whose last holder went */
                fds[s].fd = -1;
            }
        }
        if (fds[2].revents != 0) {
            struct signalfd_siginfo info;
            while (read(sfd, &info, sizeof info) == sizeof info) {
            }
            int st;
            pid_t reaped;
            while ((reaped = waitpid(-1, &st, WNOHANG)) > 0) {
                if (reaped == pid && !exited) {
                    exited = 1;
                    code = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
                    clock_gettime(CLOCK_MONOTONIC, &drain_start);
                }
            }
        }
    }
    return code;
}

int main(int argc, char **argv) {
    parse(argc, argv);
    if (fcntl(SYNC_FD, F_GETFD) < 0) {
        die("no sync pipe on fd 3");
    }
    fcntl(SYNC_FD, F_SETFD, FD_CLOEXEC);

    if (setsid() < 0) {
        die("setsid: %s", strerror(errno));
    }
    int host_mnt = opt_overlay != NULL ? mount_rootfs() : -1;
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
        die("PR_SET_CHILD_SUBREAPER: %s", strerror(errno));
    }
    signal(SIGPIPE, SIG_IGN);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    int sfd = signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
    if (sfd < 0) {
        die("signalfd: %s", strerror(errno));
    }

    int out[2] = {-1, -1}, err[2];
    if (pipe2(err, O_CLOEXEC) != 0 || (!opt_tty && pipe2(out, O_CLOEXEC) != 0)) {
        die("pipe: %s", strerror(errno));
    }
    /*
     * The console socket in the bundle, named relative to it: the monitor works in the bundle and runc moves into
     * it, so both find it whatever the bundle's path (a socket's path is at most 107 bytes), and it goes with the
     * bundle.
     */
    const char *console_path = "console.sock";
    int listener = -1;
    if (opt_tty) {
        if (chdir(opt_bundle) != 0) {
            die("chdir %s: %s", opt_bundle, strerror(errno));
        }
        unlink(console_path);
        struct sockaddr_un addr = {.sun_family = AF_UNIX};
        snprintf(addr.sun_path, sizeof addr.sun_path, "%s", console_path);
        listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (listener < 0 || bind(listener, (struct sockaddr *) &addr, sizeof addr) != 0 || listen(listener, 1) != 0) {
            die("console socket: %s", strerror(errno));
        }
    }

    char pid_file[PATH_MAX];
    snprintf(pid_file, sizeof pid_file, "%s/pidfile", opt_bundle);
    unlink(pid_file);
    pid_t runc = fork();
    if (runc < 0) {
        die("fork: %s", strerror(errno));
    }
    if (runc == 0) {
        exec_runc(&chld, pid_file, opt_tty ? console_path : NULL, out[1], err[1]);
    }
    close(err[1]);
    if (!opt_tty) {
        close(out[1]);
    }
    warm_cgroup_migration(); /* while runc starts */

    int status = 0;
    while (waitpid(runc, &status, 0) < 0 && errno == EINTR) {
    }
    int master = -1;
    if (opt_tty) {
        master = receive_master(listener);
        close(listener);
        unlink(console_path);
    }
    char message[4096] = "";
    long pid = -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        /* runc's own words: nothing of the container can be on the pipe, it never started */
        fcntl(err[0], F_SETFL, O_NONBLOCK);
        ssize_t n = read(err[0], message, sizeof message - 1);
        size_t len = n > 0 ? (size_t) n : 0;
        while (len > 0 && (message[len - 1] == '\n' || message[len - 1] == ' ')) {
            len--;
        }
        message[len] = 0;
        if (message[0] == 0) {
            snprintf(message, sizeof message, "runc run ended with status %d", status);
        }
        reply(-1, message);
        return 1;
    }
    FILE *pf = fopen(pid_file, "re");
    if (pf == NULL || fscanf(pf, "%ld", &pid) != 1 || pid <= 0) {
        reply(-1, "runc run wrote no pid file");
        return 1;
    }
    fclose(pf);
    if (opt_tty && master < 0) {
        reply(-1, "runc sent no terminal on the console socket");
        return 1;
    }
    char *cgroup = memory_cgroup(pid);
    log_fd = open_log(0);
    if (log_fd < 0) {
        fprintf(stderr, "shoal-monitor: open %s: %s\n", opt_log, strerror(errno));
    } else {
        struct stat st;
        log_written = fstat(log_fd, &st) == 0 ? st.st_size : 0;
    }
    reply(pid, NULL);
    if (host_mnt >= 0) {
        leave_mount_namespace(host_mnt); /* after the reply: freeing the namespace takes ~1 ms */
    }
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
    }

    int code = follow(opt_tty ? master : out[0], err[0], sfd, pid);
    if (cgroup != NULL && oom_killed(cgroup)) {
        char oom[PATH_MAX];
        snprintf(oom, sizeof oom, "%s/oom", opt_bundle);
        int fd = open(oom, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        if (fd >= 0) {
            close(fd);
        }
    }
    write_exit(code);
    return 0;
}
