package io.shoal.worker.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.engine.bundle.HostConfig;
import io.shoal.engine.bundle.NetworkMode;
import io.shoal.engine.container.ContainerRecord;
import io.shoal.engine.container.MountPoint;
import io.shoal.engine.container.State;
import io.shoal.engine.health.HealthState;
import io.shoal.engine.image.ContainerConfig;
import io.shoal.engine.image.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A container as {@code GET /containers/json} and {@code GET /containers/{id}/json} show it, in Docker's shape. */
final class ContainerViews {
    private ContainerViews() {}

    static ObjectNode summary(ContainerRecord c, Optional<HealthState> health, Instant now) {
        ObjectNode o = NodeJson.object();
        o.put("Id", c.id());
        o.set("Names", NodeJson.strings(List.of("/" + c.name())));
        o.put("Image", familiar(c.image()));
        o.put("ImageID", c.imageId());
        o.put("Command", String.join(" ", c.argv()));
        o.put("Created", c.created().getEpochSecond());
        o.set("Ports", NodeJson.array());
        o.set("Labels", NodeJson.map(c.labels()));
        o.put("State", c.state().dockerName());
        o.put("Status", status(c, now) + (c.state() == State.RUNNING ? health.map(ContainerViews::healthWords).orElse("") : ""));
        o.putObject("HostConfig").put("NetworkMode", networkMode(c.host()));
        o.putObject("NetworkSettings").putObject("Networks");
        o.set("Mounts", mounts(c.mounts()));
        return o;
    }

    /** How {@code docker ps} adds the health to the status of a running container. */
    static String healthWords(HealthState h) {
        return h.status() == HealthState.Status.STARTING ? " (health: starting)"
                : " (" + h.status().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    /** {@code docker ps}'s STATUS column, without the health. */
    static String status(ContainerRecord c, Instant now) {
        ContainerRecord.Run run = c.run();
        return switch (c.state()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + HumanDuration.of(since(run.startedAt(), now));
            case PAUSED -> "Up " + HumanDuration.of(since(run.startedAt(), now)) + " (Paused)";
            case RESTARTING -> "Restarting (" + run.exitCode() + ") " + HumanDuration.of(since(run.finishedAt(), now)) + " ago";
            case REMOVING -> "Removal In Progress";
            case DEAD -> "Dead";
            case EXITED -> "Exited (" + run.exitCode() + ") " + HumanDuration.of(since(run.finishedAt(), now)) + " ago";
        };
    }

    static ObjectNode inspect(ContainerRecord c, boolean autoRemove, Optional<HealthState> health) {
        ContainerRecord.Run run = c.run();
        ObjectNode o = NodeJson.object();
        o.put("Id", c.id());
        o.put("Created", NodeJson.time(c.created()));
        o.put("Path", c.argv().isEmpty() ? "" : c.argv().get(0));
        o.set("Args", NodeJson.strings(c.argv().isEmpty() ? List.of() : c.argv().subList(1, c.argv().size())));
        ObjectNode state = o.putObject("State");
        state.put("Status", c.state().dockerName());
        state.put("Running", c.state() == State.RUNNING || c.state() == State.PAUSED);
        state.put("Paused", c.state() == State.PAUSED);
        state.put("Restarting", c.state() == State.RESTARTING);
        state.put("OOMKilled", run.oomKilled());
        state.put("Dead", c.state() == State.DEAD);
        state.put("Pid", run.pid());
        state.put("ExitCode", run.exitCode());
        state.put("Error", run.error());
        state.put("StartedAt", NodeJson.time(run.startedAt()));
        state.put("FinishedAt", NodeJson.time(run.finishedAt()));
        health.ifPresent(h -> state.set("Health", health(h)));
        o.put("Image", c.imageId());
        o.put("LogPath", c.logPath() == null ? "" : c.logPath());
        o.put("Name", "/" + c.name());
        o.put("RestartCount", run.restartCount());
        o.put("Driver", "overlay");
        o.put("Platform", "linux");
        o.set("HostConfig", hostConfig(c.host(), autoRemove));
        o.set("Mounts", mounts(c.mounts()));
        o.set("Config", config(c));
        ObjectNode net = o.putObject("NetworkSettings");
        net.putObject("Ports");
        net.putObject("Networks");
        return o;
    }

    /** {@code State.Health}: {@code starting|healthy|unhealthy}, the failing streak and the last probes. */
    static ObjectNode health(HealthState h) {
        ObjectNode o = NodeJson.object();
        o.put("Status", h.status().name().toLowerCase(java.util.Locale.ROOT));
        o.put("FailingStreak", h.failingStreak());
        ArrayNode log = o.putArray("Log");
        for (HealthState.Probe p : h.log()) {
            log.addObject().put("Start", NodeJson.time(p.start())).put("End", NodeJson.time(p.end()))
                    .put("ExitCode", p.exitCode()).put("Output", p.output());
        }
        return o;
    }

    private static ObjectNode config(ContainerRecord c) {
        ContainerConfig asked = c.config();
        ObjectNode o = NodeJson.object();
        o.put("Hostname", asked.hostname().isEmpty() ? c.id().substring(0, 12) : asked.hostname());
        o.put("Domainname", "");
        o.put("User", c.resolved().user());
        o.put("AttachStdin", false);
        o.put("AttachStdout", true);
        o.put("AttachStderr", true);
        o.set("ExposedPorts", NodeJson.set(c.resolved().exposedPorts()));
        o.put("Tty", c.tty());
        o.put("OpenStdin", c.openStdin());
        o.put("StdinOnce", false);
        o.set("Env", NodeJson.strings(c.resolved().env()));
        o.set("Cmd", asked.cmd() == null ? null : NodeJson.strings(asked.cmd()));
        o.put("Image", familiar(c.image()));
        o.set("Volumes", NodeJson.set(c.resolved().volumes()));
        o.put("WorkingDir", c.resolved().workingDir());
        o.set("Entrypoint", asked.entrypoint() == null ? null : NodeJson.strings(asked.entrypoint()));
        o.set("Labels", NodeJson.map(c.labels()));
        if (!c.resolved().stopSignal().isEmpty()) {
            o.put("StopSignal", c.resolved().stopSignal());
        }
        o.put("StopTimeout", c.stopTimeout() == null ? 10 : c.stopTimeout().getSeconds());
        return o;
    }

    private static ObjectNode hostConfig(HostConfig h, boolean autoRemove) {
        ObjectNode o = NodeJson.object();
        ArrayNode binds = o.putArray("Binds");
        h.binds().forEach(b -> binds.add(b.source() + ":" + b.destination() + (b.readonly() ? ":ro" : "")));
        o.put("NetworkMode", networkMode(h));
        o.put("AutoRemove", autoRemove);
        o.putObject("RestartPolicy").put("Name", "no").put("MaximumRetryCount", 0);
        o.put("Privileged", h.privileged());
        o.put("ReadonlyRootfs", h.readonlyRootfs());
        o.set("CapAdd", NodeJson.strings(h.capAdd()));
        o.set("CapDrop", NodeJson.strings(h.capDrop()));
        o.put("Memory", h.memoryBytes());
        o.put("MemorySwap", h.memorySwapBytes());
        o.put("CpuShares", h.cpuShares());
        o.put("CpuPeriod", h.cpuPeriod());
        o.put("CpuQuota", h.cpuQuota());
        o.put("CpusetCpus", h.cpusetCpus() == null ? "" : h.cpusetCpus());
        o.put("PidsLimit", h.pidsLimit());
        o.set("Tmpfs", NodeJson.map(h.tmpfs()));
        o.set("Sysctls", NodeJson.map(h.sysctls()));
        o.put("Init", h.init());
        o.putObject("LogConfig").put("Type", "json-file").putObject("Config");
        return o;
    }

    private static ArrayNode mounts(List<MountPoint> mounts) {
        ArrayNode a = NodeJson.array();
        for (MountPoint m : mounts) {
            ObjectNode o = a.addObject();
            o.put("Type", m.type());
            if (!m.name().isEmpty()) {
                o.put("Name", m.name());
                o.put("Driver", "local");
            }
            o.put("Source", m.source());
            o.put("Destination", m.destination());
            o.put("Mode", m.readonly() ? "ro" : "");
            o.put("RW", !m.readonly());
            o.put("Propagation", m.type().equals("bind") ? "rprivate" : "");
        }
        return a;
    }

    private static String networkMode(HostConfig h) {
        NetworkMode n = h.network();
        return n instanceof NetworkMode.Host ? "host" : n instanceof NetworkMode.None ? "none" : "container";
    }

    /** The name Docker prints for an image ({@code busybox:latest}, not {@code docker.io/library/busybox:latest}). */
    static String familiar(String reference) {
        ImageReference.Parsed parsed = ImageReference.parse(reference);
        return parsed instanceof ImageReference.Parsed.Valid v ? v.reference().familiar() : reference;
    }

    private static Duration since(Instant t, Instant now) {
        return t == null || now.isBefore(t) ? Duration.ZERO : Duration.between(t, now);
    }
}
