package io.shoal.manager.dispatch;

import akka.actor.typed.ActorRef;
import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.api.dispatch.DispatchProtocol.NetworkView;
import io.shoal.api.dispatch.WorkerMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One worker's session on the dispatcher: who it is, when it was last heard from, and which version of
 * each task it was last sent, so that only changes go out after the first, complete set.
 */
final class NodeSession {
    final String id;
    final String nodeId;
    final ActorRef<WorkerMessage> worker;
    private Instant lastSeen;
    private Map<String, Long> sent;
    private Instant lastComplete;
    private NetworkView sentNetwork;

    NodeSession(String id, String nodeId, ActorRef<WorkerMessage> worker, Instant now) {
        this.id = id;
        this.nodeId = nodeId;
        this.worker = worker;
        this.lastSeen = now;
    }

    void seen(Instant now) {
        lastSeen = now;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    boolean expired(Instant now, java.time.Duration timeout) {
        return lastSeen.plus(timeout).isBefore(now);
    }

    /**
     * The message that brings the worker up to date, if anything changed since the last one; the complete set
     * when none was sent yet or the last one is older than {@code fullSync}. The network view goes with the
     * complete set, and with any message when it changed (another node's task started or stopped).
     */
    Optional<Assignments> update(List<AssignedTask> current, NetworkView network, Instant at, java.time.Duration fullSync) {
        Map<String, Long> now = new HashMap<>();
        current.forEach(a -> now.put(a.task().id(), a.task().version().index()));
        if (sent == null || lastComplete.plus(fullSync).isBefore(at)) {
            sent = now;
            lastComplete = at;
            sentNetwork = network;
            return Optional.of(new Assignments(id, true, List.copyOf(current), List.of(), network));
        }
        List<AssignedTask> changed = new ArrayList<>();
        for (AssignedTask a : current) {
            Long before = sent.get(a.task().id());
            if (before == null || before != a.task().version().index()) {
                changed.add(a);
            }
        }
        List<String> removed = new ArrayList<>();
        for (Iterator<String> it = sent.keySet().iterator(); it.hasNext(); ) {
            String taskId = it.next();
            if (!now.containsKey(taskId)) {
                removed.add(taskId);
            }
        }
        sent = now;
        NetworkView networkChange = network.equals(sentNetwork) ? null : network;
        sentNetwork = network;
        return changed.isEmpty() && removed.isEmpty() && networkChange == null ? Optional.empty()
                : Optional.of(new Assignments(id, false, changed, removed, networkChange));
    }
}
