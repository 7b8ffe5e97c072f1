package io.shoal.manager.state;

import io.shoal.api.model.Node;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Version;
import io.shoal.manager.ca.ClusterSecurity;
import io.shoal.api.identity.NodeRole;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Decisions about who belongs to the cluster: the CA and join secrets (installed at init, rotated later),
 * nodes admitted by the join endpoint, and nodes removed. Pure, like {@link Decisions}.
 */
public final class MembershipDecisions {
    private final Clock clock;

    public MembershipDecisions(Clock clock) {
        this.clock = clock;
    }

    /** Installs or replaces the CA material and secrets; the swarm's tokens follow (see {@link State#apply}). */
    public Decision<ClusterSecurity> updateSecurity(State s, ClusterSecurity next, boolean onlyIfAbsent) {
        if (s.swarm().isEmpty()) {
            return Decision.rejected(Result.Reason.NOT_A_SWARM, Decisions.NOT_A_SWARM);
        }
        if (s.security().isPresent() && onlyIfAbsent) {
            return Decision.of(List.of(), s.security().get(), null);
        }
        if (s.security().isPresent() && !s.security().get().caDigest().equals(next.caDigest())) {
            return Decision.rejected(Result.Reason.INVALID, "rotating the cluster CA is not supported: only join tokens rotate");
        }
        return Decision.of(List.of(new ClusterEvent.SecurityUpdated(next, s.index() + 1)), next,
                "cluster security updated ca.digest={}", next.caDigest().substring(0, 12));
    }

    /** A node that presented a valid join token: added, or re-admitted with the role of its new token. */
    public Decision<Node> admitNode(State s, Node joining, NodeRole role) {
        if (s.swarm().isEmpty()) {
            return Decision.rejected(Result.Reason.NOT_A_SWARM, Decisions.NOT_A_SWARM);
        }
        Instant now = clock.instant();
        Node current = s.node(joining.id()).orElse(null);
        Node.Spec spec = current == null ? new Node.Spec(null, null, role.apiName(), "active")
                : new Node.Spec(current.spec().name(), current.spec().labels(), role.apiName(), current.spec().availability());
        Node.ManagerStatus ms = role == NodeRole.MANAGER ? joining.managerStatus() : null;
        Node next = new Node(joining.id(), new Version(s.index() + 1), current == null ? now : current.createdAt(), now, spec,
                joining.description(), joining.status(), ms);
        ClusterEvent e = current == null ? new ClusterEvent.NodeRegistered(next) : new ClusterEvent.NodeUpdated(next);
        return Decision.of(List.of(e), next, "node admitted node.id={} role={}", next.id(), role.apiName());
    }

    /** {@code docker node rm}: a node must be down (or {@code force}), and a manager must be demoted first. */
    public Decision<Node> removeNode(State s, String nodeId, boolean force) {
        Node n = s.node(nodeId).orElse(null);
        if (n == null) {
            return Decision.rejected(Result.Reason.NOT_FOUND, "node " + nodeId + " not found");
        }
        if ("manager".equals(n.spec().role())) {
            return Decision.rejected(Result.Reason.INVALID, "rpc error: code = FailedPrecondition desc = node " + nodeId
                    + " is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal");
        }
        boolean down = n.status() != null && ("down".equals(n.status().state()) || "disconnected".equals(n.status().state()));
        if (!down && !force) {
            return Decision.rejected(Result.Reason.INVALID, "rpc error: code = FailedPrecondition desc = node " + nodeId
                    + " is not down and can't be removed");
        }
        return Decision.of(List.of(new ClusterEvent.NodeRemoved(nodeId, s.index() + 1)), n, "node removed node.id={}", nodeId);
    }

    /** The swarm with the tokens {@code security} derives. */
    static Swarm withTokens(Swarm swarm, ClusterSecurity security) {
        return new Swarm(swarm.id(), swarm.version(), swarm.createdAt(), swarm.updatedAt(), swarm.spec(),
                new Swarm.JoinTokens(security.token(NodeRole.WORKER).toString(), security.token(NodeRole.MANAGER).toString()));
    }
}
