package io.shoal.manager.ca;

import io.shoal.api.error.ApiException;
import io.shoal.api.identity.NodeRole;
import io.shoal.api.identity.Pem;
import io.shoal.api.model.Node;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * Decides a join request against the cluster's security: the token's CA digest and secret are checked,
 * then the CA signs the joiner's CSR with the token's role. Refusals are {@link ApiException}s that say
 * why (401 for a bad token, 400 for a bad CSR or node id); nothing is signed for a refused request.
 */
public final class JoinService {
    private final CaSettings settings;
    private final Clock clock;
    private final SecureRandom random;

    public JoinService(CaSettings settings, Clock clock, SecureRandom random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** What a joining node sends: its token, a CSR for its own key, its id and what it is. */
    public record JoinRequest(String token, String csr, String nodeId, Node.Description description, String addr) {}

    /** What it gets: its certificate, the CA, its role, the cluster id and the managers' cluster addresses. */
    public record JoinGrant(String certificate, String caCertificate, String role, String clusterId, List<String> managers) {}

    /** A node renewing its certificate proves who it is with its current one. */
    public record RenewRequest(String csr) {}

    public record Admission(NodeRole role, X509Certificate certificate) {}

    public Admission admit(ClusterSecurity security, JoinRequest req) {
        if (req.token() == null) {
            throw new ApiException(400, "join request: Token is required");
        }
        ClusterSecurity.TokenCheck check = security.check(req.token());
        if (check instanceof ClusterSecurity.TokenCheck.Refused r) {
            throw new ApiException(401, r.reason());
        }
        NodeRole role = ((ClusterSecurity.TokenCheck.Accepted) check).role();
        return new Admission(role, sign(security, req.csr(), req.nodeId(), role));
    }

    /** A new certificate for a node that already holds one: same node id, role as the cluster now says. */
    public X509Certificate renew(ClusterSecurity security, String csr, String nodeId, NodeRole role) {
        return sign(security, csr, nodeId, role);
    }

    private X509Certificate sign(ClusterSecurity security, String csr, String nodeId, NodeRole role) {
        if (csr == null || nodeId == null) {
            throw new ApiException(400, "join request: Csr and NodeId are required");
        }
        ClusterCa ca = ClusterCa.load(security.caCertificatePem(), security.caKeyPem(), clock, random);
        try {
            return ca.issue(csr, nodeId, role, settings.nodeCertificateValidity());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "join request: " + e.getMessage());
        }
    }

    public static String pem(X509Certificate c) {
        return Pem.certificate(c);
    }
}
