package io.shoal.engine.linux;

import java.util.LinkedHashMap;
import java.util.Map;

/** The engine's own hard rlimits (getrlimit), the ceiling for every container's ulimits. */
public final class HostLimits {
    private static final String[] NAMES = {"RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK",
        "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS",
        "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME"};

    private HostLimits() {
    }

    public static Map<String, Long> hard() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            long[] rlim = new long[2];
            LibC.INSTANCE.getrlimit(i, rlim);
            out.put(NAMES[i], rlim[1] < 0 ? Long.MAX_VALUE : rlim[1]);
        }
        return out;
    }
}
