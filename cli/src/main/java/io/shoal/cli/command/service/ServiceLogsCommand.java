package io.shoal.cli.command.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.DaemonError;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.command.CommandFailed;
import io.shoal.cli.output.LogFrames;
import io.shoal.cli.output.TaskLogPrefix;
import io.shoal.cli.spec.LogSince;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shoal service logs SERVICE|TASK}: the output of every task of a service (or of one task) from whichever node
 * runs it, each line prefixed as the docker CLI does ({@code name.slot.task@node | line}); stdout lines go to
 * stdout and stderr lines to stderr. With {@code -f} it keeps printing until interrupted or every task has exited.
 */
@Command(name = "logs", description = "Fetch the logs of a service or task.")
public final class ServiceLogsCommand extends ApiCommand {
    @Option(names = {"-f", "--follow"}, description = "Follow log output.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Number of lines to show from the end of each task's logs (default: all).")
    String tail = "all";

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps.")
    boolean timestamps;

    @Option(names = "--since", paramLabel = "TIME", description = "Only lines since a Unix time, an RFC 3339 date or a duration ago (42m).")
    String since;

    @Option(names = "--raw", description = "Do not prefix lines with their task.")
    boolean raw;

    @Option(names = "--no-task-ids", description = "Do not include task IDs in the prefix.")
    boolean noTaskIds;

    @Option(names = "--no-trunc", description = "Do not truncate task IDs.")
    boolean noTrunc;

    @Option(names = "--no-resolve", description = "Show service and node IDs instead of names.")
    boolean noResolve;

    @Parameters(paramLabel = "SERVICE|TASK", description = "Service name, id or id prefix, or a task id.")
    String target;

    @Override
    protected int execute() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("stdout", "1");
        query.put("stderr", "1");
        query.put("details", raw ? "0" : "1");
        query.put("follow", follow ? "1" : "0");
        query.put("tail", tail.matches("\\d+") ? tail : "all");
        query.put("timestamps", timestamps ? "1" : "0");
        if (since != null) {
            query.put("since", LogSince.toUnix(since, now()));
        }
        boolean tty;
        long maxSlot;
        InputStream body;
        JsonNode service = serviceOrNull(target);
        if (service != null) {
            tty = service.at("/Spec/TaskTemplate/ContainerSpec/TTY").asBoolean(false);
            maxSlot = service.at("/Spec/Mode/Replicated/Replicas").asLong(1);
            body = opened(tty, () -> api().serviceLogs(Json.text(service, "ID"), query));
        } else {
            JsonNode task = taskOrFail(target);
            tty = task.at("/Spec/ContainerSpec/TTY").asBoolean(false);
            maxSlot = task.path("Slot").asLong(1);
            body = opened(tty, () -> api().taskLogs(Json.text(task, "ID"), query));
        }
        try (InputStream in = body) {
            if (tty) {
                java.io.Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
                char[] buf = new char[8192];
                for (int n; (n = r.read(buf)) > 0; ) {
                    out().write(buf, 0, n);
                    out().flush();
                }
                return 0;
            }
            TaskLogPrefix prefix = raw ? null : new TaskLogPrefix(new Resolver(), timestamps, noTaskIds, noTrunc, maxSlot);
            LogFrames.read(in, (stream, payload) -> print(stream, new String(payload, StandardCharsets.UTF_8), prefix));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the logs of " + target + ": " + e.getMessage(), e);
        }
    }

    private void print(int stream, String line, TaskLogPrefix prefix) {
        if (stream == LogFrames.SYSTEM_ERROR) {
            throw new CommandFailed(line.strip());
        }
        String text;
        try {
            text = prefix == null ? line : prefix.format(line);
        } catch (IllegalArgumentException e) {
            throw new CommandFailed(e.getMessage());
        }
        var w = stream == LogFrames.STDERR ? err() : out();
        w.print(text);
        w.flush();
    }

    private InputStream opened(boolean tty, java.util.function.Supplier<InputStream> open) {
        if (tty && !raw) {
            throw new CommandFailed("tty service logs only supported with --raw");
        }
        return open.get();
    }

    private JsonNode serviceOrNull(String ref) {
        try {
            return api().service(ref);
        } catch (DaemonError e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private JsonNode taskOrFail(String ref) {
        try {
            return api().task(ref);
        } catch (DaemonError e) {
            if (e.status() == 404) {
                throw new CommandFailed("no such task or service: " + ref);
            }
            throw e;
        }
    }

    /** Names as the docker CLI's resolver gives them, each asked of the daemon once. */
    private final class Resolver implements TaskLogPrefix.Names {
        private final Map<String, String> services = new HashMap<>();
        private final Map<String, String> nodes = new HashMap<>();

        @Override
        public String service(String id) {
            return noResolve ? id : services.computeIfAbsent(id, k -> Json.text(api().service(k), "Spec", "Name"));
        }

        @Override
        public String node(String id) {
            if (noResolve) {
                return id;
            }
            return nodes.computeIfAbsent(id, k -> {
                String host = Json.text(api().node(k), "Description", "Hostname");
                return host.isEmpty() ? k : host;
            });
        }

        @Override
        public long slot(String taskId) {
            return api().task(taskId).path("Slot").asLong(0);
        }
    }
}
