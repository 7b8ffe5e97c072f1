package io.shoal.engine.container;

import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.image.ContainerConfig;
import java.time.Duration;
import java.util.Map;

/**
 * Everything {@code create} needs: the image, the container's config and host config, named volumes to mount
 * ({@code volume name → destination}; a {@link HostConfig.Bind} whose source is a volume name works too, as in
 * Docker's {@code Binds}). {@code name} may be null (the engine derives one). {@code logSizeMax} 0 takes the
 * engine's setting; {@code stopTimeout} null takes Docker's 10 s. {@code tty} and {@code openStdin} are Docker's
 * {@code Config.Tty} and {@code Config.OpenStdin}. Build with {@link #of} and the {@code with…} methods.
 */
public record ContainerRequest(String name, String image, ContainerConfig config, HostConfig host,
                               Map<String, String> volumes, long logSizeMax, boolean tty, boolean openStdin,
                               Duration stopTimeout) {

    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    public ContainerRequest {
        volumes = volumes == null ? Map.of() : Map.copyOf(volumes);
        host = host == null ? HostConfig.defaults() : host;
        config = config == null ? ContainerConfig.of(null) : config;
        stopTimeout = stopTimeout == null ? DEFAULT_STOP_TIMEOUT : stopTimeout;
    }

    public static ContainerRequest of(String image, ContainerConfig config, HostConfig host) {
        return new ContainerRequest(null, image, config, host, Map.of(), 0, false, false, null);
    }

    public ContainerRequest withName(String value) {
        return new ContainerRequest(value, image, config, host, volumes, logSizeMax, tty, openStdin, stopTimeout);
    }

    public ContainerRequest withVolumes(Map<String, String> value) {
        return new ContainerRequest(name, image, config, host, value, logSizeMax, tty, openStdin, stopTimeout);
    }

    public ContainerRequest withHost(HostConfig value) {
        return new ContainerRequest(name, image, config, value, volumes, logSizeMax, tty, openStdin, stopTimeout);
    }

    public ContainerRequest withLogSizeMax(long bytes) {
        return new ContainerRequest(name, image, config, host, volumes, bytes, tty, openStdin, stopTimeout);
    }

    public ContainerRequest withTty(boolean value) {
        return new ContainerRequest(name, image, config, host, volumes, logSizeMax, value, openStdin, stopTimeout);
    }

    public ContainerRequest withOpenStdin(boolean value) {
        return new ContainerRequest(name, image, config, host, volumes, logSizeMax, tty, value, stopTimeout);
    }

    public ContainerRequest withStopTimeout(Duration value) {
        return new ContainerRequest(name, image, config, host, volumes, logSizeMax, tty, openStdin, value);
    }
}
