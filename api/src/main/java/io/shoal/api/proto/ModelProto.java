package io.shoal.api.proto;

import io.shoal.api.model.Node;
import io.shoal.api.model.Platform;
import io.shoal.api.model.ResourceObject;
import io.shoal.api.model.Service;
import io.shoal.api.model.Swarm;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskState;
import io.shoal.api.model.TaskStatus;
import io.shoal.api.model.Version;
import java.time.Instant;

/**
 * Objects ⇄ protobuf: services, tasks, nodes and the swarm. Specs are in {@link SpecProto}. Empty
 * lists and maps come back as {@code null} (Docker's "omitted"), so a round trip keeps what matters.
 */
public final class ModelProto {
    private ModelProto() {}

    public static long nanos(Instant t) {
        return t == null ? 0 : t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static VersionP version(Version v) {
        return VersionP.newBuilder().setIndex(v.index()).build();
    }

    static Version version(VersionP v) {
        return new Version(v.getIndex());
    }

    static PlatformP platform(Platform p) {
        return PlatformP.newBuilder().setArchitecture(SpecProto.nz(p.architecture())).setOs(SpecProto.nz(p.os())).build();
    }

    static Platform platform(PlatformP p) {
        return new Platform(SpecProto.nn(p.getArchitecture()), SpecProto.nn(p.getOs()));
    }

    public static ServiceP service(Service s) {
        ServiceP.Builder b = ServiceP.newBuilder().setId(s.id()).setVersion(version(s.version()))
                .setCreatedAt(nanos(s.createdAt())).setUpdatedAt(nanos(s.updatedAt()))
                .setSpec(SpecProto.serviceSpec(s.spec()));
        if (s.previousSpec() != null) {
            b.setPreviousSpec(SpecProto.serviceSpec(s.previousSpec()));
        }
        return b.build();
    }

    public static Service service(ServiceP p) {
        return new Service(p.getId(), version(p.getVersion()), instant(p.getCreatedAt()), instant(p.getUpdatedAt()),
                SpecProto.serviceSpec(p.getSpec()), p.hasPreviousSpec() ? SpecProto.serviceSpec(p.getPreviousSpec()) : null);
    }

    public static TaskStatusP taskStatus(TaskStatus s) {
        TaskStatusP.Builder b = TaskStatusP.newBuilder().setTimestamp(nanos(s.timestamp())).setState(s.state().name());
        if (s.message() != null) {
            b.setMessage(s.message());
        }
        if (s.err() != null) {
            b.setErr(s.err());
        }
        TaskStatus.ContainerStatus c = s.containerStatus();
        if (c != null) {
            ContainerStatusP.Builder cb = ContainerStatusP.newBuilder();
            if (c.containerId() != null) {
                cb.setContainerId(c.containerId());
            }
            if (c.pid() != null) {
                cb.setPid(c.pid());
            }
            if (c.exitCode() != null) {
                cb.setExitCode(c.exitCode());
            }
            b.setContainerStatus(cb);
        }
        return b.build();
    }

    public static TaskStatus taskStatus(TaskStatusP p) {
        TaskStatus.ContainerStatus c = null;
        if (p.hasContainerStatus()) {
            ContainerStatusP cp = p.getContainerStatus();
            c = new TaskStatus.ContainerStatus(cp.hasContainerId() ? cp.getContainerId() : null,
                    cp.hasPid() ? cp.getPid() : null, cp.hasExitCode() ? cp.getExitCode() : null);
        }
        return new TaskStatus(instant(p.getTimestamp()), TaskState.valueOf(p.getState()),
                p.hasMessage() ? p.getMessage() : null, p.hasErr() ? p.getErr() : null, c);
    }

    public static TaskP task(Task t) {
        TaskP.Builder b = TaskP.newBuilder().setId(t.id()).setVersion(version(t.version()))
                .setCreatedAt(nanos(t.createdAt())).setUpdatedAt(nanos(t.updatedAt()))
                .setSpec(SpecProto.taskSpec(t.spec())).setServiceId(t.serviceId())
                .setStatus(taskStatus(t.status())).setDesiredState(t.desiredState().name())
                .setSpecVersion(t.specVersion());
        if (t.slot() != null) {
            b.setSlot(t.slot());
        }
        if (t.nodeId() != null) {
            b.setNodeId(t.nodeId());
        }
        t.assigned().forEach(g -> b.addAssignedGenericResources(SpecProto.genericResource(g)));
        return b.build();
    }

    public static Task task(TaskP p) {
        return new Task(p.getId(), version(p.getVersion()), instant(p.getCreatedAt()), instant(p.getUpdatedAt()),
                SpecProto.taskSpec(p.getSpec()), p.getServiceId(), p.hasSlot() ? p.getSlot() : null,
                p.hasNodeId() ? p.getNodeId() : null, taskStatus(p.getStatus()),
                TaskState.valueOf(p.getDesiredState()), p.getSpecVersion(),
                SpecProto.mapList(p.getAssignedGenericResourcesList(), ModelProto::generic));
    }

    public static NodeSpecP nodeSpec(Node.Spec s) {
        NodeSpecP.Builder b = NodeSpecP.newBuilder().setRole(SpecProto.nz(s.role()))
                .setAvailability(SpecProto.nz(s.availability()));
        if (s.name() != null) {
            b.setName(s.name());
        }
        if (s.labels() != null) {
            b.putAllLabels(s.labels());
        }
        return b.build();
    }

    public static Node.Spec nodeSpec(NodeSpecP p) {
        return new Node.Spec(p.hasName() ? p.getName() : null, SpecProto.map(p.getLabelsMap()),
                SpecProto.nn(p.getRole()), SpecProto.nn(p.getAvailability()));
    }

    public static NodeDescriptionP nodeDescription(Node.Description d) {
        NodeDescriptionP.Builder b = NodeDescriptionP.newBuilder().setHostname(SpecProto.nz(d.hostname()));
        if (d.platform() != null) {
            b.setPlatform(platform(d.platform()));
        }
        if (d.resources() != null) {
            b.setResources(SpecProto.resourceObject(d.resources()));
        }
        if (d.engine() != null) {
            EngineP.Builder e = EngineP.newBuilder().setEngineVersion(SpecProto.nz(d.engine().engineVersion()));
            if (d.engine().labels() != null) {
                e.putAllLabels(d.engine().labels());
            }
            b.setEngine(e);
        }
        return b.build();
    }

    public static Node.Description nodeDescription(NodeDescriptionP p) {
        return new Node.Description(SpecProto.nn(p.getHostname()), p.hasPlatform() ? platform(p.getPlatform()) : null,
                p.hasResources() ? SpecProto.resourceObject(p.getResources()) : null,
                p.hasEngine() ? new Node.Engine(SpecProto.nn(p.getEngine().getEngineVersion()),
                        SpecProto.map(p.getEngine().getLabelsMap())) : null);
    }

    public static NodeStatusP nodeStatus(Node.Status s) {
        NodeStatusP.Builder b = NodeStatusP.newBuilder().setState(s.state());
        if (s.message() != null) {
            b.setMessage(s.message());
        }
        if (s.addr() != null) {
            b.setAddr(s.addr());
        }
        return b.build();
    }

    public static Node.Status nodeStatus(NodeStatusP p) {
        return new Node.Status(p.getState(), p.hasMessage() ? p.getMessage() : null, p.hasAddr() ? p.getAddr() : null);
    }

    public static NodeP node(Node n) {
        NodeP.Builder b = NodeP.newBuilder().setId(n.id()).setVersion(version(n.version()))
                .setCreatedAt(nanos(n.createdAt())).setUpdatedAt(nanos(n.updatedAt())).setSpec(nodeSpec(n.spec()));
        if (n.description() != null) {
            b.setDescription(nodeDescription(n.description()));
        }
        if (n.status() != null) {
            b.setStatus(nodeStatus(n.status()));
        }
        if (n.managerStatus() != null) {
            Node.ManagerStatus m = n.managerStatus();
            b.setManagerStatus(ManagerStatusP.newBuilder().setLeader(Boolean.TRUE.equals(m.leader()))
                    .setReachability(SpecProto.nz(m.reachability())).setAddr(SpecProto.nz(m.addr())));
        }
        return b.build();
    }

    public static Node node(NodeP p) {
        Node.ManagerStatus m = null;
        if (p.hasManagerStatus()) {
            ManagerStatusP mp = p.getManagerStatus();
            m = new Node.ManagerStatus(mp.getLeader(), SpecProto.nn(mp.getReachability()), SpecProto.nn(mp.getAddr()));
        }
        return new Node(p.getId(), version(p.getVersion()), instant(p.getCreatedAt()), instant(p.getUpdatedAt()),
                nodeSpec(p.getSpec()), p.hasDescription() ? nodeDescription(p.getDescription()) : null,
                p.hasStatus() ? nodeStatus(p.getStatus()) : null, m);
    }

    public static SwarmP swarm(Swarm s) {
        SwarmSpecP.Builder spec = SwarmSpecP.newBuilder().setName(SpecProto.nz(s.spec().name()))
                .setTaskHistoryRetentionLimit(nz(s.spec().taskHistoryRetentionLimit()))
                .setHeartbeatPeriod(nz(s.spec().heartbeatPeriod()));
        if (s.spec().labels() != null) {
            spec.putAllLabels(s.spec().labels());
        }
        return SwarmP.newBuilder().setId(s.id()).setVersion(version(s.version())).setCreatedAt(nanos(s.createdAt()))
                .setUpdatedAt(nanos(s.updatedAt())).setSpec(spec).setWorkerToken(s.joinTokens().worker())
                .setManagerToken(s.joinTokens().manager()).build();
    }

    public static Swarm swarm(SwarmP p) {
        SwarmSpecP sp = p.getSpec();
        return new Swarm(p.getId(), version(p.getVersion()), instant(p.getCreatedAt()), instant(p.getUpdatedAt()),
                new Swarm.Spec(SpecProto.nn(sp.getName()), SpecProto.map(sp.getLabelsMap()),
                        sp.getTaskHistoryRetentionLimit(), sp.getHeartbeatPeriod()),
                new Swarm.JoinTokens(p.getWorkerToken(), p.getManagerToken()));
    }

    private static long nz(Long l) {
        return l == null ? 0 : l;
    }

    static ResourceObject.GenericResource generic(GenericResourceP g) {
        return g.hasNamed()
                ? new ResourceObject.GenericResource(new ResourceObject.NamedResourceSpec(g.getNamed().getKind(), g.getNamed().getValue()), null)
                : new ResourceObject.GenericResource(null, new ResourceObject.DiscreteResourceSpec(g.getDiscrete().getKind(), g.getDiscrete().getValue()));
    }
}
