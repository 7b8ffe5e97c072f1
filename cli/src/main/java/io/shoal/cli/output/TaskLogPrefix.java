package io.shoal.cli.output;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a service log line as the daemon sends it with {@code details} ({@code [TIME ]node=…,service=…,task=… TEXT})
 * into what {@code docker service logs} prints: {@code [TIME ]service.slot.task@node<padding>    | TEXT}, the task id
 * cut to 12 characters unless {@code noTrunc}, left out with {@code noTaskIds}; the padding aligns slots up to the
 * service's replica count. Names come from {@link Names}, asked once per context.
 */
public final class TaskLogPrefix {
    static final String NODE_ID = "com.docker.swarm.node.id";
    static final String SERVICE_ID = "com.docker.swarm.service.id";
    static final String TASK_ID = "com.docker.swarm.task.id";

    /** How ids are shown: names of services and nodes, and slots of tasks. */
    public interface Names {
        String service(String id);

        String node(String id);

        long slot(String taskId);
    }

    private final Names names;
    private final boolean timestamps;
    private final boolean noTaskIds;
    private final boolean noTrunc;
    private final int width;
    private final Map<String, String> cache = new HashMap<>();

    /** @param maxSlot the service's replica count (or the task's slot): its digits set the padding */
    public TaskLogPrefix(Names names, boolean timestamps, boolean noTaskIds, boolean noTrunc, long maxSlot) {
        this.names = names;
        this.timestamps = timestamps;
        this.noTaskIds = noTaskIds;
        this.noTrunc = noTrunc;
        this.width = Long.toString(Math.max(1, maxSlot)).length();
    }

    /** The line to print; an {@link IllegalArgumentException} when it carries no task context. */
    public String format(String line) {
        int parts = timestamps ? 3 : 2;
        String[] p = line.split(" ", parts);
        if (p.length != parts) {
            throw new IllegalArgumentException("invalid context in log message: " + line);
        }
        String details = p[parts - 2];
        String prefix = cache.computeIfAbsent(details, this::context);
        return (timestamps ? p[0] + " " : "") + prefix + "    | " + p[parts - 1];
    }

    private String context(String details) {
        Map<String, String> d = parse(details);
        String node = require(d, NODE_ID, details);
        String service = require(d, SERVICE_ID, details);
        String task = require(d, TASK_ID, details);
        long slot = names.slot(task);
        String name = names.service(service) + "." + slot;
        if (!noTaskIds) {
            name += "." + (noTrunc ? task : Ids.shorten(task, false));
        }
        int pad = width - Long.toString(slot).length();
        return name + "@" + names.node(node) + (pad > 0 ? " ".repeat(pad) : "");
    }

    static Map<String, String> parse(String details) {
        Map<String, String> out = new HashMap<>();
        for (String pair : details.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String require(Map<String, String> d, String key, String details) {
        String v = d.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key.substring("com.docker.swarm.".length()) + " in details: " + details);
        }
        return v;
    }
}
