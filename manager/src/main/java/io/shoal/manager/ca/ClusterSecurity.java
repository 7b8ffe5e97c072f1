package io.shoal.manager.ca;

import io.shoal.api.identity.JoinToken;
import io.shoal.api.identity.NodeRole;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The cluster's security material as the cluster state persists and replicates it: the CA certificate
 * and key (PEM) and one join secret per role. The tokens are derived: {@code SWMTKN-1-<CA digest>-<secret>}.
 */
public record ClusterSecurity(String caCertificatePem, String caKeyPem, String caDigest, String workerSecret,
                              String managerSecret) {

    public static ClusterSecurity of(ClusterCa ca, RandomGenerator random) {
        return new ClusterSecurity(ca.certificatePem(), ca.keyPem(), ca.digest(), JoinToken.randomSecret(random),
                JoinToken.randomSecret(random));
    }

    public JoinToken token(NodeRole role) {
        return new JoinToken(caDigest, role == NodeRole.MANAGER ? managerSecret : workerSecret);
    }

    /** The same CA with fresh secrets for the roles asked: tokens given out before stop working. */
    public ClusterSecurity rotate(boolean worker, boolean manager, RandomGenerator random) {
        return new ClusterSecurity(caCertificatePem, caKeyPem, caDigest,
                worker ? JoinToken.randomSecret(random) : workerSecret,
                manager ? JoinToken.randomSecret(random) : managerSecret);
    }

    /**
     * The role {@code token} grants, or why it is refused. Both secrets are compared in constant time,
     * and both always are, so timing says nothing about which one was close.
     */
    public TokenCheck check(String token) {
        JoinToken t;
        try {
            t = JoinToken.parse(token);
        } catch (IllegalArgumentException e) {
            return new TokenCheck.Refused(e.getMessage());
        }
        if (!t.caDigest().equals(caDigest)) {
            return new TokenCheck.Refused("invalid join token: it was issued for a different cluster CA");
        }
        boolean worker = t.secretMatches(workerSecret);
        boolean manager = t.secretMatches(managerSecret);
        if (manager) {
            return new TokenCheck.Accepted(NodeRole.MANAGER);
        }
        if (worker) {
            return new TokenCheck.Accepted(NodeRole.WORKER);
        }
        return new TokenCheck.Refused("invalid join token: the secret is not valid (the token may have been rotated)");
    }

    /** The outcome of checking a join token. */
    public sealed interface TokenCheck {
        record Accepted(NodeRole role) implements TokenCheck {}

        record Refused(String reason) implements TokenCheck {}

        default Optional<NodeRole> granted() {
            return this instanceof Accepted a ? Optional.of(a.role()) : Optional.empty();
        }
    }
}
