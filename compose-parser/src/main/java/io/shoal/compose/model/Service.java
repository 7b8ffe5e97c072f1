package io.shoal.compose.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of the canonical project, typed for the manager's stack support. Optional fields are
 * empty when the file did not set them; {@link #raw()} keeps every canonical attribute.
 */
public record Service(String name, Optional<String> image, Optional<Build> build, Optional<List<String>> command,
    Optional<List<String>> entrypoint, Map<String, Optional<String>> environment, Map<String, String> labels,
    List<Port> ports, List<Mount> volumes, Map<String, Attachment> networks, Map<String, Dependency> dependsOn,
    Optional<Deploy> deploy, Optional<Healthcheck> healthcheck, List<FileRef> secrets, List<FileRef> configs,
    Optional<String> restart, Optional<String> user, Optional<String> workingDir, Optional<Duration> stopGracePeriod,
    Map<String, Object> raw) {

  /** {@code build}: context folder (absolute or a URL) and Dockerfile. */
  public record Build(String context, Optional<String> dockerfile, Map<String, Optional<String>> args,
      Optional<String> target) {
  }

  /** A published or exposed port, long syntax. */
  public record Port(int target, Optional<String> published, String protocol, String mode, Optional<String> hostIp) {
  }

  /** A mount: {@code volume}, {@code bind}, {@code tmpfs}, {@code image}, {@code npipe} or {@code cluster}. */
  public record Mount(String type, Optional<String> source, String target, boolean readOnly) {
  }

  /** The service's attachment to a network. */
  public record Attachment(List<String> aliases, Optional<String> ipv4Address, Optional<String> ipv6Address) {
  }

  /** A {@code depends_on} entry. */
  public record Dependency(String condition, boolean restart, boolean required) {
  }

  /** A secret or config reference. */
  public record FileRef(String source, Optional<String> target, Optional<String> uid, Optional<String> gid,
      Optional<Integer> mode) {
  }

  /** {@code healthcheck}. */
  public record Healthcheck(List<String> test, Optional<Duration> interval, Optional<Duration> timeout,
      Optional<Integer> retries, Optional<Duration> startPeriod, boolean disable) {
  }

  /** {@code deploy}, the Swarm-facing part. */
  public record Deploy(Optional<String> mode, Optional<Integer> replicas, Map<String, String> labels,
      List<String> constraints, List<String> preferences, Optional<Integer> maxReplicasPerNode,
      Optional<String> endpointMode, Optional<Double> cpuLimit, Optional<Long> memoryLimit,
      Optional<Double> cpuReservation, Optional<Long> memoryReservation, Optional<Update> update,
      Optional<Update> rollback, Optional<RestartPolicy> restartPolicy) {
  }

  /** {@code update_config} / {@code rollback_config}. */
  public record Update(Optional<Integer> parallelism, Optional<Duration> delay, Optional<String> failureAction,
      Optional<Duration> monitor, Optional<Double> maxFailureRatio, Optional<String> order) {
  }

  /** {@code restart_policy}. */
  public record RestartPolicy(Optional<String> condition, Optional<Duration> delay, Optional<Integer> maxAttempts,
      Optional<Duration> window) {
  }
}
