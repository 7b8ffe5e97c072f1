package io.shoal.net.lb;

import java.util.List;

/**
 * A published port: in {@code INGRESS} mode it answers on every node and reaches the service's
 * tasks on any node; in {@code HOST} mode only on the task's node, to its local tasks.
 */
public record PublishedPort(Protocol protocol, int published, int target, Mode mode, List<Backend> backends) {

    public enum Protocol { TCP, UDP }

    public enum Mode { INGRESS, HOST }

    public PublishedPort {
        if (published < 1 || published > 65535 || target < 1 || target > 65535) {
            throw new IllegalArgumentException("port out of range: " + published + ":" + target);
        }
        backends = List.copyOf(backends);
    }
}
