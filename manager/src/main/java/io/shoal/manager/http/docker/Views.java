package io.shoal.manager.http.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.model.Node;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.manager.state.StateSnapshot;
import java.time.Instant;

/** The Docker Engine API's JSON documents built from the cluster state. */
final class Views {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Views() {}

    static ObjectNode service(Service s, StateSnapshot state, boolean withStatus) {
        ObjectNode n = (ObjectNode) DockerJson.tree(s);
        ObjectNode endpointSpec = F.objectNode();
        String mode = s.spec().endpointSpec() == null || s.spec().endpointSpec().mode() == null ? "vip" : s.spec().endpointSpec().mode();
        endpointSpec.put("Mode", mode);
        if (s.spec().endpointSpec() != null && s.spec().endpointSpec().ports() != null) {
            endpointSpec.set("Ports", DockerJson.tree(s.spec().endpointSpec().ports()));
        }
        n.set("Endpoint", NetworkViews.endpoint(endpointSpec, state.networking().endpointOf(s.id())));
        if (withStatus) {
            long running = 0;
            long desired = 0;
            long completed = 0;
            for (Task t : state.tasks()) {
                if (!t.serviceId().equals(s.id())) {
                    continue;
                }
                if (t.desiredState() == TaskState.RUNNING) {
                    desired++;
                    if (t.status().state() == TaskState.RUNNING) {
                        running++;
                    }
                }
                if (t.status().state() == TaskState.COMPLETE) {
                    completed++;
                }
            }
            if (!s.spec().isGlobal()) {
                desired = s.spec().replicas();
            }
            n.set("ServiceStatus", F.objectNode().put("RunningTasks", running).put("DesiredTasks", desired)
                    .put("CompletedTasks", completed));
        }
        return n;
    }

    static ObjectNode task(Task t) {
        ObjectNode n = (ObjectNode) DockerJson.tree(t);
        n.remove("SpecVersion");
        n.set("Labels", F.objectNode());
        return n;
    }

    /** The task with its {@code NetworksAttachments} (issue 7). */
    static ObjectNode task(Task t, StateSnapshot s) {
        ObjectNode n = task(t);
        var attachments = s.networking().attachmentsOf(t.id());
        if (!attachments.isEmpty()) {
            n.set("NetworksAttachments", NetworkViews.attachments(attachments, s.networking()));
        }
        return n;
    }

    static ObjectNode node(Node node) {
        return (ObjectNode) DockerJson.tree(node);
    }

    static ObjectNode swarmSpec(Swarm s) {
        ObjectNode spec = F.objectNode().put("Name", s.spec().name());
        spec.set("Labels", s.spec().labels() == null ? F.objectNode() : DockerJson.tree(s.spec().labels()));
        spec.set("Orchestration", F.objectNode().put("TaskHistoryRetentionLimit", s.spec().taskHistoryRetentionLimit()));
        spec.set("Raft", F.objectNode().put("SnapshotInterval", 10000).put("KeepOldSnapshots", 0)
                .put("LogEntriesForSlowFollowers", 500).put("ElectionTick", 10).put("HeartbeatTick", 1));
        spec.set("Dispatcher", F.objectNode().put("HeartbeatPeriod", s.spec().heartbeatPeriod()));
        spec.set("CAConfig", F.objectNode().put("NodeCertExpiry", 7776000000000000L));
        spec.set("TaskDefaults", F.objectNode());
        spec.set("EncryptionConfig", F.objectNode().put("AutoLockManagers", false));
        return spec;
    }

    static ObjectNode swarm(Swarm s, boolean withTokens) {
        ObjectNode n = F.objectNode().put("ID", s.id());
        n.set("Version", F.objectNode().put("Index", s.version().index()));
        n.put("CreatedAt", s.createdAt().toString()).put("UpdatedAt", s.updatedAt().toString());
        n.set("Spec", swarmSpec(s));
        n.set("TLSInfo", F.objectNode());
        n.put("RootRotationInProgress", false).put("DataPathPort", 4789);
        n.set("DefaultAddrPool", F.arrayNode().add("10.0.0.0/8"));
        n.put("SubnetSize", 24);
        if (withTokens) {
            n.set("JoinTokens", F.objectNode().put("Worker", s.joinTokens().worker()).put("Manager", s.joinTokens().manager()));
        }
        return n;
    }

    static ObjectNode version(DaemonInfo d) {
        ObjectNode details = F.objectNode().put("ApiVersion", DaemonInfo.API_VERSION)
                .put("MinAPIVersion", DaemonInfo.MIN_API_VERSION).put("Os", "linux").put("Arch", d.goArch())
                .put("KernelVersion", d.kernelVersion()).put("GitCommit", "").put("GoVersion", "java" + Runtime.version().feature())
                .put("BuildTime", "");
        ObjectNode engine = F.objectNode().put("Name", "Engine").put("Version", d.version());
        engine.set("Details", details);
        ObjectNode n = F.objectNode();
        n.set("Platform", F.objectNode().put("Name", "Shoal " + d.version()));
        n.set("Components", F.arrayNode().add(engine));
        n.put("Version", d.version()).put("ApiVersion", DaemonInfo.API_VERSION).put("MinAPIVersion", DaemonInfo.MIN_API_VERSION)
                .put("GitCommit", "").put("GoVersion", "java" + Runtime.version().feature()).put("Os", "linux")
                .put("Arch", d.goArch()).put("KernelVersion", d.kernelVersion()).put("BuildTime", "");
        return n;
    }

    static ObjectNode info(DaemonInfo d, StateSnapshot s) {
        ObjectNode n = F.objectNode().put("ID", d.nodeId()).put("Containers", 0).put("ContainersRunning", 0)
                .put("ContainersPaused", 0).put("ContainersStopped", 0).put("Images", 0).put("Driver", "overlay2")
                .put("DockerRootDir", d.dataRoot()).put("SystemTime", Instant.now().toString())
                .put("LoggingDriver", "json-file").put("CgroupDriver", "cgroupfs").put("CgroupVersion", "1")
                .put("KernelVersion", d.kernelVersion()).put("OperatingSystem", d.operatingSystem()).put("OSType", "linux")
                .put("Architecture", d.architecture()).put("NCPU", d.ncpu()).put("MemTotal", d.memTotal())
                .put("Name", d.hostname()).put("ServerVersion", d.version()).put("DefaultRuntime", "runc")
                .put("IndexServerAddress", "https://index.docker.io/v1/").put("ExperimentalBuild", false)
                .put("LiveRestoreEnabled", false).put("Isolation", "");
        com.fasterxml.jackson.databind.node.ArrayNode labels = n.putArray("Labels");
        new java.util.TreeMap<>(d.engineLabels()).forEach((k, v) -> labels.add(k + "=" + v));
        n.set("Plugins", F.objectNode().<ObjectNode>set("Volume", F.arrayNode().add("local"))
                .<ObjectNode>set("Network", F.arrayNode()).set("Log", F.arrayNode().add("json-file")));
        n.set("Runtimes", F.objectNode().set("runc", F.objectNode().put("path", "runc")));
        n.set("SecurityOptions", F.arrayNode());
        n.set("Warnings", F.arrayNode());
        n.set("Swarm", swarmInfo(d, s));
        return n;
    }

    private static JsonNode swarmInfo(DaemonInfo d, StateSnapshot s) {
        ObjectNode n = F.objectNode();
        if (s.swarm() == null) {
            return n.put("NodeID", "").put("NodeAddr", "").put("LocalNodeState", "inactive").put("ControlAvailable", false)
                    .put("Error", "").putNull("RemoteManagers");
        }
        n.put("NodeID", d.nodeId()).put("NodeAddr", d.advertiseAddr()).put("LocalNodeState", "active")
                .put("ControlAvailable", true).put("Error", "");
        ArrayNode managers = F.arrayNode();
        long managerCount = 0;
        for (Node node : s.nodes()) {
            if ("manager".equals(node.spec().role())) {
                managerCount++;
                String addr = node.managerStatus() == null ? "" : node.managerStatus().addr();
                managers.add(F.objectNode().put("NodeID", node.id()).put("Addr", addr));
            }
        }
        n.set("RemoteManagers", managers);
        n.put("Nodes", s.nodes().size()).put("Managers", managerCount);
        n.set("Cluster", swarm(s.swarm(), false));
        return n;
    }
}
