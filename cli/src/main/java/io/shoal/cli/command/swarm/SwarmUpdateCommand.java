package io.shoal.cli.command.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.spec.InvalidArgument;
import io.shoal.cli.spec.Quantities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shoal swarm update [--task-history-limit N] [--dispatcher-heartbeat DURATION]}: reads the swarm, changes
 * the flags given in its spec and sends the whole spec back at the version it read, as {@code docker swarm update}.
 */
@Command(name = "update", description = "Update the swarm.")
public final class SwarmUpdateCommand extends ApiCommand {
    @Option(names = "--task-history-limit", paramLabel = "N", description = "Ended tasks kept per slot.")
    Long taskHistoryLimit;

    @Option(names = "--dispatcher-heartbeat", paramLabel = "DURATION", description = "How often workers heartbeat (e.g. 5s).")
    String dispatcherHeartbeat;

    @Override
    protected int execute() {
        if (taskHistoryLimit == null && dispatcherHeartbeat == null) {
            throw new InvalidArgument("nothing to update: give --task-history-limit or --dispatcher-heartbeat");
        }
        if (taskHistoryLimit != null && taskHistoryLimit < 0) {
            throw new InvalidArgument("invalid --task-history-limit " + taskHistoryLimit + ": expected 0 or more");
        }
        Long heartbeat = dispatcherHeartbeat == null ? null : Quantities.durationNanos(dispatcherHeartbeat);
        JsonNode swarm = api().swarm();
        ObjectNode spec = swarm.path("Spec").isObject() ? ((ObjectNode) swarm.path("Spec")).deepCopy() : io.shoal.cli.client.Json.F.objectNode();
        if (taskHistoryLimit != null) {
            spec.with("Orchestration").put("TaskHistoryRetentionLimit", taskHistoryLimit);
        }
        if (heartbeat != null) {
            spec.with("Dispatcher").put("HeartbeatPeriod", heartbeat);
        }
        api().updateSwarm(swarm.path("Version").path("Index").asLong(), false, false, spec);
        out().println("Swarm updated.");
        return 0;
    }
}
