package io.shoal.api.model;

import java.util.List;
import java.util.Map;

/**
 * What each task of a service runs and where it may run: Docker's TaskSpec. Durations are in
 * nanoseconds, as in the Docker Engine API.
 */
public record TaskSpec(
        ContainerSpec containerSpec,
        Resources resources,
        RestartPolicy restartPolicy,
        Placement placement,
        List<NetworkAttachmentConfig> networks,
        LogDriver logDriver,
        Long forceUpdate,
        String runtime) {

    public TaskSpec withContainerSpec(ContainerSpec c) {
        return new TaskSpec(c, resources, restartPolicy, placement, networks, logDriver, forceUpdate, runtime);
    }

    public record ContainerSpec(
            String image,
            Map<String, String> labels,
            List<String> command,
            List<String> args,
            String hostname,
            List<String> env,
            String dir,
            String user,
            List<String> groups,
            Boolean tty,
            Boolean openStdin,
            Boolean readOnly,
            List<Mount> mounts,
            String stopSignal,
            Long stopGracePeriod,
            HealthConfig healthcheck,
            List<String> hosts,
            Boolean init,
            List<String> capabilityAdd,
            List<String> capabilityDrop,
            Map<String, String> sysctls,
            PullOptions pullOptions) {

        public ContainerSpec withImage(String i) {
            return new ContainerSpec(i, labels, command, args, hostname, env, dir, user, groups, tty, openStdin,
                    readOnly, mounts, stopSignal, stopGracePeriod, healthcheck, hosts, init, capabilityAdd,
                    capabilityDrop, sysctls, pullOptions);
        }

        public ContainerSpec withEnv(List<String> e) {
            return new ContainerSpec(image, labels, command, args, hostname, e, dir, user, groups, tty, openStdin,
                    readOnly, mounts, stopSignal, stopGracePeriod, healthcheck, hosts, init, capabilityAdd,
                    capabilityDrop, sysctls, pullOptions);
        }

        public ContainerSpec withPullOptions(PullOptions p) {
            return new ContainerSpec(image, labels, command, args, hostname, env, dir, user, groups, tty, openStdin,
                    readOnly, mounts, stopSignal, stopGracePeriod, healthcheck, hosts, init, capabilityAdd,
                    capabilityDrop, sysctls, p);
        }

        /** The encoded registry credentials the worker pulls the image with; null or empty: anonymously. */
        public String registryAuth() {
            return pullOptions == null ? null : pullOptions.registryAuth();
        }
    }

    /**
     * swarmkit's {@code ContainerSpec.PullOptions}: {@code registryAuth} is the client's {@code X-Registry-Auth}
     * value as given to {@code docker service create/update --with-registry-auth}, kept with the service and its
     * tasks so the worker can pull a private image. It is not part of Docker's API shape: the API never shows it,
     * and {@link #toString} hides it so it cannot reach a log.
     */
    public record PullOptions(String registryAuth) {
        @Override
        public String toString() {
            return "PullOptions[registryAuth=" + (registryAuth == null || registryAuth.isEmpty() ? "none" : "<hidden>")
                    + "]";
        }
    }

    public record Mount(String type, String source, String target, Boolean readOnly) {}

    public record HealthConfig(List<String> test, Long interval, Long timeout, Long startPeriod, Integer retries) {}

    public record Resources(Limits limits, ResourceObject reservations) {}

    public record Limits(Long nanoCpus, Long memoryBytes, Long pids) {}

    public record RestartPolicy(String condition, Long delay, Long maxAttempts, Long window) {}

    public record Placement(List<String> constraints, List<Preference> preferences, Long maxReplicas,
                            List<Platform> platforms) {}

    public record Preference(Spread spread) {}

    public record Spread(String spreadDescriptor) {}

    public record NetworkAttachmentConfig(String target, List<String> aliases, Map<String, String> driverOpts) {}

    public record LogDriver(String name, Map<String, String> options) {}
}
