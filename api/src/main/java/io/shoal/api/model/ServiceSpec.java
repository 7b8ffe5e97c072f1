package io.shoal.api.model;

import java.util.List;
import java.util.Map;

/**
 * What a user asks for: a named service whose tasks follow {@link TaskSpec}, in replicated or global
 * mode. Field names follow the Docker Engine API's ServiceSpec; absent (null) fields take defaults.
 */
public record ServiceSpec(
        String name,
        Map<String, String> labels,
        TaskSpec taskTemplate,
        Mode mode,
        UpdateConfig updateConfig,
        UpdateConfig rollbackConfig,
        EndpointSpec endpointSpec) {

    public ServiceSpec withMode(Mode m) {
        return new ServiceSpec(name, labels, taskTemplate, m, updateConfig, rollbackConfig, endpointSpec);
    }

    public ServiceSpec withTaskTemplate(TaskSpec t) {
        return new ServiceSpec(name, labels, t, mode, updateConfig, rollbackConfig, endpointSpec);
    }

    public boolean isGlobal() {
        return mode != null && mode.global() != null;
    }

    /** Desired replicas of a replicated service (1 when unset, as Docker defaults it); 0 for global. */
    public long replicas() {
        if (isGlobal()) {
            return 0;
        }
        if (mode == null || mode.replicated() == null || mode.replicated().replicas() == null) {
            return 1;
        }
        return mode.replicated().replicas();
    }

    /** Exactly one of the two is set; {@code {"Replicated":{"Replicas":3}}} or {@code {"Global":{}}}. */
    public record Mode(Replicated replicated, Global global) {
        public static Mode ofReplicas(long n) {
            return new Mode(new Replicated(n), null);
        }

        public static Mode ofGlobal() {
            return new Mode(null, new Global());
        }
    }

    public record Replicated(Long replicas) {}

    public record Global() {}

    /** Rolling update (and rollback) parameters; durations in nanoseconds. */
    public record UpdateConfig(Long parallelism, Long delay, String failureAction, Long monitor,
                               Double maxFailureRatio, String order) {}

    public record EndpointSpec(String mode, List<PortConfig> ports) {}

    public record PortConfig(String name, String protocol, Integer targetPort, Integer publishedPort,
                             String publishMode) {}
}
