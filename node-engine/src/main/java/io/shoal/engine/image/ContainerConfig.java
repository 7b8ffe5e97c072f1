package io.shoal.engine.image;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a caller asks of a container, before the image fills the gaps (Docker's {@code container.Config}).
 * {@code entrypoint} null means "not given" and an empty list means "reset the image's" ({@code --entrypoint ""});
 * {@code cmd} null or empty means "not given". {@code healthcheck} null inherits the image's.
 */
public record ContainerConfig(List<String> env, List<String> entrypoint, List<String> cmd, String workingDir,
                              String user, Set<String> exposedPorts, Set<String> volumes, Healthcheck healthcheck,
                              Map<String, String> labels, String stopSignal, String hostname) {

    public ContainerConfig {
        env = env == null ? List.of() : List.copyOf(env);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        exposedPorts = exposedPorts == null ? Set.of() : Set.copyOf(exposedPorts);
        volumes = volumes == null ? Set.of() : Set.copyOf(volumes);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        stopSignal = stopSignal == null ? "" : stopSignal;
        hostname = hostname == null ? "" : hostname;
    }

    public static ContainerConfig of(List<String> cmd) {
        return new ContainerConfig(null, null, cmd, null, null, null, null, null, null, null, null);
    }

    public ContainerConfig withEntrypoint(List<String> value) {
        return new ContainerConfig(env, value, cmd, workingDir, user, exposedPorts, volumes, healthcheck, labels,
                stopSignal, hostname);
    }

    public ContainerConfig withEnv(List<String> value) {
        return new ContainerConfig(value, entrypoint, cmd, workingDir, user, exposedPorts, volumes, healthcheck,
                labels, stopSignal, hostname);
    }

    public ContainerConfig withHealthcheck(Healthcheck value) {
        return new ContainerConfig(env, entrypoint, cmd, workingDir, user, exposedPorts, volumes, value, labels,
                stopSignal, hostname);
    }

    public ContainerConfig withUser(String value) {
        return new ContainerConfig(env, entrypoint, cmd, workingDir, value, exposedPorts, volumes, healthcheck,
                labels, stopSignal, hostname);
    }
}
