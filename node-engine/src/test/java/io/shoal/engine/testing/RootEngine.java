package io.shoal.engine.testing;

import io.shoal.engine.Engine;
import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.ContainerRequest;
import io.shoal.engine.image.ContainerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real engine for one root test: its own root directory and cgroup parent, the umoci-made busybox image loaded
 * as {@code localhost/busybox:latest} and {@code localhost/busybox:vol}. {@link #close()} removes every container,
 * then sweeps whatever is left (runc, mounts, cgroups, files) and returns what it had to sweep.
 */
public final class RootEngine {
    public final Path root;
    public final String cgroupParent;
    public Engine engine;

    private RootEngine(Path root, String cgroupParent) {
        this.root = root;
        this.cgroupParent = cgroupParent;
    }

    public static RootEngine start() throws IOException, InterruptedException {
        RootOnly.assume();
        Path layout = UmociImages.busyboxLayout();
        RootEngine r = new RootEngine(Files.createTempDirectory("shoal-engine-test"),
                "/shoal-test-" + UUID.randomUUID().toString().substring(0, 8));
        r.engine = r.open();
        r.engine.loadOciLayout(layout, "localhost/busybox");
        return r;
    }

    public Engine open() throws IOException {
        return Engine.open(Engine.Settings.defaults(root).withCgroupParent(cgroupParent));
    }

    public String run(List<String> cmd, HostConfig host) {
        String id = engine.create(ContainerRequest.of("localhost/busybox", ContainerConfig.of(cmd), host));
        engine.start(id);
        return id;
    }

    /** {@code stream:text} per entry, text trimmed. */
    public List<String> logLines(String id) {
        List<String> out = new ArrayList<>();
        engine.logs(id, false, e -> out.add(e.stream() + ":" + e.log().trim()));
        return out;
    }

    public List<String> close() throws IOException, InterruptedException {
        List<String> leftovers = new ArrayList<>();
        if (engine != null) {
            for (ContainerRecord c : engine.list(true)) {
                try {
                    engine.remove(c.id(), true);
                } catch (RuntimeException e) {
                    leftovers.add("remove " + c.id() + ": " + e.getMessage());
                }
            }
            engine.close();
        }
        leftovers.addAll(HostCleanup.sweep(root, cgroupParent));
        return leftovers;
    }
}
