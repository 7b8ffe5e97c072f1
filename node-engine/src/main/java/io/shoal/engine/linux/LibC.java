package io.shoal.engine.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.IntByReference;

/**
 * The few libc calls the engine makes in-process (a mount(2) is 0.24 ms; the mount command 3 ms), and what it
 * needs to start a monitor with posix_spawn(3) (see {@link MonitorSpawn}).
 */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    long MS_RDONLY = 1;
    long MS_NOSUID = 2;
    long MS_NODEV = 4;
    long MS_NOEXEC = 8;
    /** statfs(2)'s f_type of a tmpfs. */
    long TMPFS_MAGIC = 0x01021994L;
    /** struct statfs is 120 bytes on x86_64 and aarch64; f_type is its first field, a long. */
    int STATFS_SIZE = 256;
    int MNT_DETACH = 2;
    int S_IFCHR = 0020000;
    int S_IFBLK = 0060000;
    int S_IFIFO = 0010000;

    int mount(String source, String target, String fstype, long flags, String data) throws LastErrorException;

    int umount2(String target, int flags) throws LastErrorException;

    int statfs(String path, byte[] buf) throws LastErrorException;

    int mknod(String path, int mode, long dev) throws LastErrorException;

    int chmod(String path, int mode) throws LastErrorException;

    int lchown(String path, int uid, int gid) throws LastErrorException;

    int lsetxattr(String path, String name, byte[] value, long size, int flags) throws LastErrorException;

    int getrlimit(int resource, long[] rlim) throws LastErrorException;

    int O_RDONLY = 0;
    int O_WRONLY = 1;
    int O_CREAT = 0100;
    int O_TRUNC = 01000;
    int O_CLOEXEC = 02000000;
    int O_DIRECTORY = 0200000;
    /** linux/fs.h: the inode flags of chattr(1), an int despite the ioctl numbers' long. */
    long FS_IOC_GETFLAGS = 0x80086601L;
    long FS_IOC_SETFLAGS = 0x40086602L;
    int FS_TOPDIR_FL = 0x00020000;
    /** errno values the engine tells apart. */
    int ENOENT = 2;
    int EINTR = 4;
    int ECHILD = 10;
    int EINVAL = 22;
    int ENOTTY = 25;
    int EOPNOTSUPP = 95;

    int open(String path, int flags) throws LastErrorException;

    int ioctl(int fd, long request, int[] arg) throws LastErrorException;
    short POSIX_SPAWN_SETSIGDEF = 0x04;
    short POSIX_SPAWN_SETSIGMASK = 0x08;
    short POLLIN = 1;
    /** glibc's sizes are 80 and 336 bytes; these leave room. */
    int SPAWN_FILE_ACTIONS_SIZE = 256;
    int SPAWN_ATTR_SIZE = 1024;
    int SIGSET_SIZE = 128;

    int pipe2(int[] fds, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    long read(int fd, byte[] buf, long count) throws LastErrorException;

    /** {@code fds} is one struct pollfd {int fd; short events; short revents} packed as two ints. */
    int poll(int[] fds, long nfds, int timeoutMillis) throws LastErrorException;

    int waitpid(int pid, int[] status, int options) throws LastErrorException;

    int sigemptyset(Pointer set);

    int sigfillset(Pointer set);

    int posix_spawn_file_actions_init(Pointer actions);

    int posix_spawn_file_actions_destroy(Pointer actions);

    int posix_spawn_file_actions_addopen(Pointer actions, int fd, String path, int flags, int mode);

    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

    int posix_spawn_file_actions_addchdir_np(Pointer actions, String path);

    int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

    int posix_spawnattr_init(Pointer attr);

    int posix_spawnattr_destroy(Pointer attr);

    int posix_spawnattr_setflags(Pointer attr, short flags);

    int posix_spawnattr_setsigmask(Pointer attr, Pointer set);

    int posix_spawnattr_setsigdefault(Pointer attr, Pointer set);

    /** Returns an error number (0 on success) rather than setting errno. */
    int posix_spawn(IntByReference pid, String path, Pointer actions, Pointer attr, StringArray argv,
                    StringArray envp);

    static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12)
                | (minor & 0xffL);
    }
}
