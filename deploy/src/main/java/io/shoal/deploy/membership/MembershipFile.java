package io.shoal.deploy.membership;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.shoal.api.identity.NodeRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * What a daemon that belongs to a swarm remembers across restarts: its role, the cluster id and the
 * managers' cluster addresses ({@code HOST:PORT}) to join, and whether it is the founder (the node
 * that ran {@code swarm init}, which forms the Akka cluster again at start, whatever its address is
 * now), and the cluster addresses of the other members last seen up ({@code peers}, kept current by
 * {@link PeerRecorder}): a restarted founder asks them first, so it rejoins the cluster its workers are
 * still in instead of forming a second one. Absent on a node that never joined or initialised a swarm (it
 * then forms a cluster of its own, as before).
 */
public record MembershipFile(String role, String clusterId, List<String> managers, boolean founder, List<String> peers) {
    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);

    public MembershipFile {
        NodeRole.fromApiName(role);
        managers = List.copyOf(managers);
        peers = peers == null ? List.of() : List.copyOf(peers);
    }

    public MembershipFile(String role, String clusterId, List<String> managers, boolean founder) {
        this(role, clusterId, managers, founder, List.of());
    }

    public MembershipFile withPeers(List<String> value) {
        return new MembershipFile(role, clusterId, managers, founder, value);
    }

    /**
     * The addresses to join at start, self excluded: for the founder, its peers (it forms the cluster itself
     * only when none of them answers); for any other member, the managers, then the peers.
     */
    public List<String> seeds(String selfAddress) {
        java.util.LinkedHashSet<String> seeds = new java.util.LinkedHashSet<>();
        if (!formsCluster(selfAddress)) {
            seeds.addAll(managers);
        }
        seeds.addAll(peers);
        seeds.remove(selfAddress);
        return List.copyOf(seeds);
    }

    /**
     * Whether this node forms the cluster rather than joins one: the founder, or a manager whose
     * record (written before founders were recorded) names only its own address.
     */
    public boolean formsCluster(String selfAddress) {
        return founder || nodeRole() == NodeRole.MANAGER && managers.equals(List.of(selfAddress));
    }

    public NodeRole nodeRole() {
        return NodeRole.fromApiName(role);
    }

    public static Path path(Path dataRoot) {
        return dataRoot.resolve("swarm-membership.json");
    }

    public static Optional<MembershipFile> read(Path dataRoot) throws IOException {
        Path p = path(dataRoot);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(p.toFile(), MembershipFile.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(p + ": not a swarm membership record: " + e.getMessage(), e);
        }
    }

    public void write(Path dataRoot) throws IOException {
        Path tmp = Files.createTempFile(dataRoot, "swarm-membership", ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, path(dataRoot), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void delete(Path dataRoot) throws IOException {
        Files.deleteIfExists(path(dataRoot));
    }
}
