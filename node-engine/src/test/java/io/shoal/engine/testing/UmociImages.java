package io.shoal.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The root tests' image, made without Shoal: Debian's busybox-static in a rootfs with a symlink per applet,
 * turned into an OCI image layout by umoci. Tag {@code latest} runs {@code sh}; tag {@code vol} also declares
 * {@code VOLUME /data}. Built once per test JVM and deleted when it exits.
 */
public final class UmociImages {

    private static Path layout;

    private UmociImages() {
    }

    public static synchronized Path busyboxLayout() throws IOException, InterruptedException {
        if (layout != null) {
            return layout;
        }
        Path dir = Files.createTempDirectory("shoal-test-image");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        Path oci = dir.resolve("oci");
        Path bundle = dir.resolve("bundle");
        run("umoci", "init", "--layout", oci.toString());
        run("umoci", "new", "--image", oci + ":latest");
        run("umoci", "unpack", "--image", oci + ":latest", bundle.toString());
        Path rootfs = bundle.resolve("rootfs");
        for (String d : List.of("bin", "etc", "tmp", "proc", "sys", "dev", "root", "data")) {
            Files.createDirectories(rootfs.resolve(d));
        }
        run("chmod", "1777", rootfs.resolve("tmp").toString());
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
        for (String applet : run("/bin/busybox", "--list").split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet.trim()), Path.of("busybox"));
            }
        }
        Files.writeString(rootfs.resolve("etc/passwd"),
                "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
        Files.writeString(rootfs.resolve("data/seed"), "from-image\n");
        run("umoci", "repack", "--image", oci + ":latest", bundle.toString());
        run("umoci", "config", "--image", oci + ":latest", "--config.env", "PATH=/bin", "--config.cmd", "sh",
                "--os", "linux", "--architecture", "amd64");
        run("umoci", "config", "--image", oci + ":latest", "--tag", "vol", "--config.volume", "/data");
        run("umoci", "gc", "--layout", oci.toString());
        deleteTree(bundle);
        layout = oci;
        return oci;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
