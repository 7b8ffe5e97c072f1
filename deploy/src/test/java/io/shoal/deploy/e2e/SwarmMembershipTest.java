package io.shoal.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real shoald processes on loopback: the swarm's tokens and TLS info, token rotation, a worker joining
 * with the worker token (over the join port and then Akka over mutual TLS), refusals that say why, the
 * worker's own API, and leaving followed by {@code node rm}. Both processes are stopped by PID at the end.
 */
class SwarmMembershipTest {
    @TempDir
    Path dir;
    ShoaldProcess manager;
    ShoaldProcess worker;

    @AfterEach
    void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void aWorkerJoinsWithTheTokenAndLeaves() throws Exception {
        manager = new ShoaldProcess(dir.resolve("m")).start();
        worker = new ShoaldProcess(dir.resolve("w")).start();
        Api m = new Api(manager.api());
        Api w = new Api(worker.api());
        assertThat(m.post("/swarm/init", "{\"AdvertiseAddr\":\"127.0.0.1\"}").status()).isEqualTo(200);

        JsonNode swarm = m.get("/swarm").json();
        String workerToken = swarm.path("JoinTokens").path("Worker").asText();
        String managerToken = swarm.path("JoinTokens").path("Manager").asText();
        assertThat(workerToken).matches("SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}");
        assertThat(managerToken.substring(0, 59)).isEqualTo(workerToken.substring(0, 59));
        assertThat(swarm.path("TLSInfo").path("TrustRoot").asText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(swarm.path("TLSInfo").path("CertIssuerPublicKey").asText()).isNotEmpty();

        // Rotation: at the swarm's version only; the rotated role's token changes, the other stays.
        long version = swarm.path("Version").path("Index").asLong();
        assertThat(m.post("/swarm/update?version=" + (version + 7) + "&rotateWorkerToken=true", "{}").status()).isEqualTo(409);
        assertThat(m.post("/swarm/update?version=" + version + "&rotateWorkerToken=true", "{}").status()).isEqualTo(200);
        JsonNode rotated = m.get("/swarm").json().path("JoinTokens");
        assertThat(rotated.path("Worker").asText()).isNotEqualTo(workerToken);
        assertThat(rotated.path("Manager").asText()).isEqualTo(managerToken);

        Api.Reply stale = w.post("/swarm/join", join(workerToken));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.message()).endsWith("refused the join: invalid join token: the secret is not valid (the token may have been rotated)");
        assertThat(m.post("/swarm/join", join(rotated.path("Worker").asText())).message())
                .startsWith("This node is already part of a swarm.");

        assertThat(w.post("/swarm/join", join(rotated.path("Worker").asText())).status()).isEqualTo(200);
        JsonNode nodes = await(m, "/nodes", n -> count(n, "ready") == 2);
        assertThat(count(nodes, "ready")).as(nodes.toString()).isEqualTo(2);
        String workerId = null;
        for (JsonNode n : nodes) {
            if (n.path("Spec").path("Role").asText().equals("worker")) {
                workerId = n.path("ID").asText();
            }
        }
        assertThat(workerId).isNotNull();
        JsonNode info = await(w, "/info", i -> i.path("Swarm").path("LocalNodeState").asText().equals("active"));
        assertThat(info.path("Swarm").path("ControlAvailable").asBoolean()).isFalse();
        assertThat(w.get("/services").message()).startsWith("This node is not a swarm manager. Worker nodes can't be used");

        assertThat(m.delete("/nodes/" + workerId).message()).endsWith("is not down and can't be removed");
        assertThat(m.post("/swarm/leave", "").message()).startsWith("You are attempting to leave the swarm on a node that is participating as a manager.");
        assertThat(w.post("/swarm/leave", "").status()).isEqualTo(200);
        String id = workerId;
        await(m, "/nodes", n -> {
            for (JsonNode x : n) {
                if (x.path("ID").asText().equals(id)) {
                    return x.path("Status").path("State").asText().equals("down");
                }
            }
            return false;
        });
        assertThat(m.delete("/nodes/" + workerId).status()).isEqualTo(200);
        assertThat(m.get("/nodes").json()).hasSize(1);
        await(w, "/info", i -> i.path("Swarm").path("LocalNodeState").asText().equals("inactive"));
        assertThat(w.post("/swarm/leave", "").message()).isEqualTo("This node is not part of a swarm");

        // The last manager leaves only with force, and takes the swarm's state with it.
        assertThat(m.post("/swarm/leave?force=true", "").status()).isEqualTo(200);
        await(m, "/info", i -> i.path("Swarm").path("LocalNodeState").asText().equals("inactive"));
        assertThat(m.get("/nodes").status()).isEqualTo(503);
    }

    @Test
    void aManagerWithoutItsCertificateFilesTakesThemAgainAtStart() throws Exception {
        manager = new ShoaldProcess(dir.resolve("m")).start();
        Api m = new Api(manager.api());
        assertThat(m.post("/swarm/init", "{\"AdvertiseAddr\":\"127.0.0.1\"}").status()).isEqualTo(200);
        String token = m.get("/swarm").json().path("JoinTokens").path("Worker").asText();
        manager.close();
        // As a swarm made before the CA existed: no membership record, no certificates.
        java.nio.file.Files.delete(dir.resolve("m/swarm-membership.json"));
        for (String f : new String[] {"node.key", "node.crt", "ca.crt"}) {
            java.nio.file.Files.delete(dir.resolve("m/certificates").resolve(f));
        }
        manager = new ShoaldProcess(dir.resolve("m")).start();
        m = new Api(manager.api());
        assertThat(m.get("/swarm").json().path("JoinTokens").path("Worker").asText()).isEqualTo(token);
        worker = new ShoaldProcess(dir.resolve("w")).start();
        Api w = new Api(worker.api());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Api.Reply joined = w.post("/swarm/join", join(token));
        while (joined.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500); // until the manager has re-issued its certificate and opened its join port
            joined = w.post("/swarm/join", join(token));
        }
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        assertThat(java.nio.file.Files.exists(dir.resolve("m/certificates/node.crt"))).isTrue();
    }

    private String join(String token) {
        return "{\"RemoteAddrs\":[\"" + manager.clusterAddr() + "\"],\"JoinToken\":\"" + token + "\",\"AdvertiseAddr\":\"127.0.0.1\"}";
    }

    private static int count(JsonNode nodes, String state) {
        int c = 0;
        for (JsonNode n : nodes) {
            if (n.path("Status").path("State").asText().equals(state)) {
                c++;
            }
        }
        return c;
    }

    /** Polls until {@code done} holds or 60 s pass; returns the last answer either way. */
    private static JsonNode await(Api api, String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            try {
                Api.Reply r = api.get(path);
                if (r.status() == 200) {
                    last = r.json();
                    if (done.test(last)) {
                        return last;
                    }
                }
            } catch (java.io.IOException restarting) {
                // the daemon is between two actor systems
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no answer from " + path + " satisfied the condition within 60 s; last: " + last);
    }
}
