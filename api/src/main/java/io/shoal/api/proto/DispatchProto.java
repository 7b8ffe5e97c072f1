package io.shoal.api.proto;

import com.google.protobuf.InvalidProtocolBufferException;
import io.shoal.api.dispatch.DispatchProtocol.AssignedTask;
import io.shoal.api.dispatch.DispatchProtocol.Assignments;
import io.shoal.api.dispatch.DispatchProtocol.Heartbeat;
import io.shoal.api.dispatch.DispatchProtocol.HeartbeatAck;
import io.shoal.api.dispatch.DispatchProtocol.OpenSession;
import io.shoal.api.dispatch.DispatchProtocol.ReportStatus;
import io.shoal.api.dispatch.DispatchProtocol.SessionOpened;
import io.shoal.api.dispatch.DispatchProtocol.SessionRefused;
import io.shoal.api.dispatch.DispatchProtocol.StatusAck;
import io.shoal.api.dispatch.DispatchProtocol.TaskUpdate;
import io.shoal.api.dispatch.DispatchProtocol.Wire;
import io.shoal.api.dispatch.DispatchProtocol.NetworkInfo;
import io.shoal.api.dispatch.DispatchProtocol.NodeEndpoint;
import io.shoal.api.dispatch.DispatchProtocol.NetworkView;
import io.shoal.api.dispatch.DispatchProtocol.Peer;
import io.shoal.api.dispatch.DispatchProtocol.ServiceInfo;
import io.shoal.api.model.Endpoint;

/**
 * The dispatch protocol ⇄ protobuf, with a one-letter manifest per message. Plain Java: the Akka
 * serializer that binds it (in the deploy module) only forwards to {@link #manifest}, {@link #toBinary}
 * and {@link #fromBinary}.
 */
public final class DispatchProto {
    private DispatchProto() {}

    public static String manifest(Wire m) {
        if (m instanceof OpenSession) {
            return "O";
        } else if (m instanceof Heartbeat) {
            return "H";
        } else if (m instanceof ReportStatus) {
            return "R";
        } else if (m instanceof SessionOpened) {
            return "S";
        } else if (m instanceof SessionRefused) {
            return "F";
        } else if (m instanceof HeartbeatAck) {
            return "K";
        } else if (m instanceof StatusAck) {
            return "C";
        } else if (m instanceof Assignments) {
            return "A";
        }
        throw new IllegalArgumentException("no manifest for " + m.getClass().getName());
    }

    public static byte[] toBinary(Wire m) {
        if (m instanceof OpenSession o) {
            return OpenSessionP.newBuilder().setNodeId(o.nodeId())
                    .setDescription(ModelProto.nodeDescription(o.description()))
                    .setStatus(ModelProto.nodeStatus(o.status())).setWorker(o.worker()).build().toByteArray();
        } else if (m instanceof Heartbeat h) {
            return HeartbeatP.newBuilder().setNodeId(h.nodeId()).setSessionId(h.sessionId()).build().toByteArray();
        } else if (m instanceof ReportStatus r) {
            ReportStatusP.Builder b = ReportStatusP.newBuilder().setNodeId(r.nodeId()).setSessionId(r.sessionId())
                    .setSeq(r.seq());
            r.updates().forEach(u -> b.addUpdates(TaskUpdateP.newBuilder().setTaskId(u.taskId())
                    .setStatus(ModelProto.taskStatus(u.status()))));
            return b.build().toByteArray();
        } else if (m instanceof SessionOpened s) {
            return SessionOpenedP.newBuilder().setSessionId(s.sessionId())
                    .setHeartbeatPeriodMillis(s.heartbeatPeriodMillis()).build().toByteArray();
        } else if (m instanceof SessionRefused f) {
            return SessionRefusedP.newBuilder().setReason(f.reason()).build().toByteArray();
        } else if (m instanceof HeartbeatAck k) {
            return HeartbeatAckP.newBuilder().setSessionId(k.sessionId()).build().toByteArray();
        } else if (m instanceof StatusAck c) {
            return StatusAckP.newBuilder().setSessionId(c.sessionId()).setSeq(c.seq()).build().toByteArray();
        } else if (m instanceof Assignments a) {
            AssignmentsP.Builder b = AssignmentsP.newBuilder().setSessionId(a.sessionId()).setComplete(a.complete())
                    .addAllRemoved(a.removed());
            a.tasks().forEach(t -> b.addTasks(AssignedTaskP.newBuilder().setTask(ModelProto.task(t.task()))
                    .setServiceName(t.serviceName() == null ? "" : t.serviceName())
                    .addAllNetworks(NetworkProto.taskNetworks(t.task().id(), t.networks(), 0).getAttachmentsList())));
            if (a.network() != null) {
                b.setNetwork(networkView(a.network()));
            }
            return b.build().toByteArray();
        }
        throw new IllegalArgumentException("cannot serialize " + m.getClass().getName());
    }

    /** The message for {@code manifest}; a corrupt or unknown one is an {@link IllegalArgumentException}. */
    public static Wire fromBinary(byte[] bytes, String manifest) {
        try {
            switch (manifest) {
                case "O": {
                    OpenSessionP p = OpenSessionP.parseFrom(bytes);
                    return new OpenSession(p.getNodeId(), ModelProto.nodeDescription(p.getDescription()),
                            ModelProto.nodeStatus(p.getStatus()), p.getWorker());
                }
                case "H": {
                    HeartbeatP p = HeartbeatP.parseFrom(bytes);
                    return new Heartbeat(p.getNodeId(), p.getSessionId());
                }
                case "R": {
                    ReportStatusP p = ReportStatusP.parseFrom(bytes);
                    return new ReportStatus(p.getNodeId(), p.getSessionId(), p.getSeq(), p.getUpdatesList().stream()
                            .map(u -> new TaskUpdate(u.getTaskId(), ModelProto.taskStatus(u.getStatus()))).toList());
                }
                case "S": {
                    SessionOpenedP p = SessionOpenedP.parseFrom(bytes);
                    return new SessionOpened(p.getSessionId(), p.getHeartbeatPeriodMillis());
                }
                case "F":
                    return new SessionRefused(SessionRefusedP.parseFrom(bytes).getReason());
                case "K":
                    return new HeartbeatAck(HeartbeatAckP.parseFrom(bytes).getSessionId());
                case "C": {
                    StatusAckP p = StatusAckP.parseFrom(bytes);
                    return new StatusAck(p.getSessionId(), p.getSeq());
                }
                case "A": {
                    AssignmentsP p = AssignmentsP.parseFrom(bytes);
                    return new Assignments(p.getSessionId(), p.getComplete(), p.getTasksList().stream()
                            .map(t -> new AssignedTask(ModelProto.task(t.getTask()), t.getServiceName(),
                                    NetworkProto.attachments(TaskNetworksP.newBuilder().addAllAttachments(t.getNetworksList()).build())))
                            .toList(), p.getRemovedList(), p.hasNetwork() ? networkView(p.getNetwork()) : null);
                }
                default:
                    throw new IllegalArgumentException("unknown dispatch message manifest \"" + manifest + "\"");
            }
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("corrupt dispatch message (manifest " + manifest + "): " + e.getMessage(), e);
        }
    }

    static NetworkViewP networkView(NetworkView v) {
        NetworkViewP.Builder b = NetworkViewP.newBuilder();
        for (NetworkInfo n : v.networks()) {
            NetworkInfoP.Builder nb = NetworkInfoP.newBuilder().setId(n.id()).setName(n.name()).setVni(n.vni())
                    .setSubnet(n.subnet()).setGateway(n.gateway()).setInternal(n.internal()).setIngress(n.ingress());
            n.peers().forEach(p -> nb.addPeers(PeerP.newBuilder().setTaskId(p.taskId()).setServiceId(p.serviceId())
                    .setNodeId(p.nodeId()).setNodeAddr(p.nodeAddr()).setAddress(p.address()).addAllAliases(p.aliases())
                    .setReady(p.ready())));
            n.nodes().forEach(e -> nb.addNodes(NodeEndpointP.newBuilder().setNodeId(e.nodeId()).setNodeAddr(e.nodeAddr())
                    .setAddress(e.address())));
            b.addNetworks(nb);
        }
        v.services().forEach(s -> b.addServices(ServiceInfoP.newBuilder().setId(s.id()).setName(s.name())
                .setEndpointMode(s.endpointMode()).setEndpoint(NetworkProto.serviceEndpoint(s.id(),
                        new Endpoint(s.ports(), s.virtualIps()), 0).getEndpoint())));
        return b.build();
    }

    static NetworkView networkView(NetworkViewP p) {
        return new NetworkView(p.getNetworksList().stream().map(n -> new NetworkInfo(n.getId(), n.getName(), n.getVni(),
                        n.getSubnet(), n.getGateway(), n.getInternal(), n.getIngress(), n.getPeersList().stream()
                        .map(q -> new Peer(q.getTaskId(), q.getServiceId(), q.getNodeId(), q.getNodeAddr(), q.getAddress(),
                                q.getAliasesList(), q.getReady())).toList(), n.getNodesList().stream()
                        .map(e -> new NodeEndpoint(e.getNodeId(), e.getNodeAddr(), e.getAddress())).toList())).toList(),
                p.getServicesList().stream().map(s -> {
                    Endpoint e = NetworkProto.endpoint(ServiceEndpointP.newBuilder().setEndpoint(s.getEndpoint()).build());
                    return new ServiceInfo(s.getId(), s.getName(), s.getEndpointMode(), e.virtualIps(), e.ports());
                }).toList());
    }
}
