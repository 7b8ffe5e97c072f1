package io.shoal.engine.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Guard of the {@code @Tag("root")} integration tests: skipped (saying why) when not root; as root — as in CI —
 * they must run, so a missing runc, busybox-static or umoci fails them instead of skipping them.
 */
public final class RootOnly {
    private RootOnly() {
    }

    public static void assume() {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0,
                "SKIPPED: root integration test needs root (user is " + System.getProperty("user.name") + ")");
        for (String[] tool : new String[][] {{"/usr/sbin/runc", "runc"},
                {"/bin/busybox", "busybox-static"}}) {
            assertTrue(Files.isExecutable(Path.of(tool[0])), tool[0] + " missing: apt-get install -y " + tool[1]);
        }
    }
}
