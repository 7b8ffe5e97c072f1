package io.shoal.manager.state;

import akka.serialization.SerializerWithStringManifest;
import com.google.protobuf.InvalidProtocolBufferException;
import io.shoal.api.proto.ClusterEventP;
import io.shoal.api.proto.ClusterSecurityP;
import io.shoal.manager.ca.ClusterSecurity;
import io.shoal.api.proto.ModelProto;
import io.shoal.api.proto.NetworkProto;
import io.shoal.manager.network.NetworkingProto;
import io.shoal.api.proto.RemovedP;
import io.shoal.api.proto.StateSnapshotP;
import java.io.NotSerializableException;

/** Protobuf for the cluster state's journal: manifest "E" for an event, "S" for a snapshot. */
public final class ClusterStateSerializer extends SerializerWithStringManifest {
    private static final String EVENT = "E";
    private static final String SNAPSHOT = "S";

    @Override
    public int identifier() {
        return 427_001;
    }

    @Override
    public String manifest(Object o) {
        return o instanceof StateSnapshot ? SNAPSHOT : EVENT;
    }

    @Override
    public byte[] toBinary(Object o) {
        if (o instanceof StateSnapshot s) {
            return snapshot(s).toByteArray();
        }
        if (o instanceof ClusterEvent e) {
            return event(e).toByteArray();
        }
        throw new IllegalArgumentException("cannot serialize " + o.getClass().getName());
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try {
            if (SNAPSHOT.equals(manifest)) {
                return snapshot(StateSnapshotP.parseFrom(bytes));
            }
            if (EVENT.equals(manifest)) {
                return event(ClusterEventP.parseFrom(bytes));
            }
        } catch (InvalidProtocolBufferException e) {
            throw new NotSerializableException("corrupt cluster state record (" + manifest + "): " + e.getMessage());
        }
        throw new NotSerializableException("unknown cluster state manifest " + manifest);
    }

    static ClusterEventP event(ClusterEvent e) {
        ClusterEventP.Builder b = ClusterEventP.newBuilder();
        if (e instanceof ClusterEvent.SwarmInitialized s) {
            b.setSwarmInitialized(ModelProto.swarm(s.swarm()));
        } else if (e instanceof ClusterEvent.SwarmUpdated s) {
            b.setSwarmUpdated(ModelProto.swarm(s.swarm()));
        } else if (e instanceof ClusterEvent.NodeRegistered n) {
            b.setNodeRegistered(ModelProto.node(n.node()));
        } else if (e instanceof ClusterEvent.NodeUpdated n) {
            b.setNodeUpdated(ModelProto.node(n.node()));
        } else if (e instanceof ClusterEvent.ServiceCreated s) {
            b.setServiceCreated(ModelProto.service(s.service()));
        } else if (e instanceof ClusterEvent.ServiceUpdated s) {
            b.setServiceUpdated(ModelProto.service(s.service()));
        } else if (e instanceof ClusterEvent.ServiceRemoved s) {
            b.setServiceRemoved(RemovedP.newBuilder().setId(s.serviceId()).setIndex(s.index()));
        } else if (e instanceof ClusterEvent.TaskCreated t) {
            b.setTaskCreated(ModelProto.task(t.task()));
        } else if (e instanceof ClusterEvent.TaskUpdated t) {
            b.setTaskUpdated(ModelProto.task(t.task()));
        } else if (e instanceof ClusterEvent.TaskRemoved t) {
            b.setTaskRemoved(RemovedP.newBuilder().setId(t.taskId()).setIndex(t.index()));
        } else if (e instanceof ClusterEvent.NetworkCreated n) {
            b.setNetworkCreated(NetworkProto.network(n.network()));
        } else if (e instanceof ClusterEvent.NetworkRemoved n) {
            b.setNetworkRemoved(RemovedP.newBuilder().setId(n.networkId()).setIndex(n.index()));
        } else if (e instanceof ClusterEvent.TaskNetworksAttached a) {
            b.setTaskNetworksAttached(NetworkProto.taskNetworks(a.taskId(), a.attachments(), a.index()));
        } else if (e instanceof ClusterEvent.ServiceEndpointAllocated a) {
            b.setServiceEndpointAllocated(NetworkProto.serviceEndpoint(a.serviceId(), a.endpoint(), a.index()));
        } else if (e instanceof ClusterEvent.NodeNetworksAttached a) {
            b.setNodeNetworksAttached(NetworkProto.nodeNetworks(a.nodeId(), a.attachments(), a.index()));
        } else if (e instanceof ClusterEvent.SecurityUpdated u) {
            b.setSecurityUpdated(security(u.security()).setIndex(u.index()));
        } else if (e instanceof ClusterEvent.NodeRemoved n) {
            b.setNodeRemoved(RemovedP.newBuilder().setId(n.nodeId()).setIndex(n.index()));
        }
        return b.build();
    }

    static ClusterEvent event(ClusterEventP p) throws NotSerializableException {
        switch (p.getEventCase()) {
            case SWARM_INITIALIZED: return new ClusterEvent.SwarmInitialized(ModelProto.swarm(p.getSwarmInitialized()));
            case SWARM_UPDATED: return new ClusterEvent.SwarmUpdated(ModelProto.swarm(p.getSwarmUpdated()));
            case NODE_REGISTERED: return new ClusterEvent.NodeRegistered(ModelProto.node(p.getNodeRegistered()));
            case NODE_UPDATED: return new ClusterEvent.NodeUpdated(ModelProto.node(p.getNodeUpdated()));
            case SERVICE_CREATED: return new ClusterEvent.ServiceCreated(ModelProto.service(p.getServiceCreated()));
            case SERVICE_UPDATED: return new ClusterEvent.ServiceUpdated(ModelProto.service(p.getServiceUpdated()));
            case SERVICE_REMOVED: return new ClusterEvent.ServiceRemoved(p.getServiceRemoved().getId(), p.getServiceRemoved().getIndex());
            case TASK_CREATED: return new ClusterEvent.TaskCreated(ModelProto.task(p.getTaskCreated()));
            case TASK_UPDATED: return new ClusterEvent.TaskUpdated(ModelProto.task(p.getTaskUpdated()));
            case TASK_REMOVED: return new ClusterEvent.TaskRemoved(p.getTaskRemoved().getId(), p.getTaskRemoved().getIndex());
            case NETWORK_CREATED: return new ClusterEvent.NetworkCreated(NetworkProto.network(p.getNetworkCreated()));
            case NETWORK_REMOVED: return new ClusterEvent.NetworkRemoved(p.getNetworkRemoved().getId(), p.getNetworkRemoved().getIndex());
            case TASK_NETWORKS_ATTACHED: return new ClusterEvent.TaskNetworksAttached(p.getTaskNetworksAttached().getTaskId(),
                    NetworkProto.attachments(p.getTaskNetworksAttached()), p.getTaskNetworksAttached().getIndex());
            case SERVICE_ENDPOINT_ALLOCATED: return new ClusterEvent.ServiceEndpointAllocated(p.getServiceEndpointAllocated().getServiceId(),
                    NetworkProto.endpoint(p.getServiceEndpointAllocated()), p.getServiceEndpointAllocated().getIndex());
            case NODE_NETWORKS_ATTACHED: return new ClusterEvent.NodeNetworksAttached(p.getNodeNetworksAttached().getNodeId(),
                    NetworkProto.attachments(p.getNodeNetworksAttached()), p.getNodeNetworksAttached().getIndex());
            case SECURITY_UPDATED: return new ClusterEvent.SecurityUpdated(security(p.getSecurityUpdated()), p.getSecurityUpdated().getIndex());
            case NODE_REMOVED: return new ClusterEvent.NodeRemoved(p.getNodeRemoved().getId(), p.getNodeRemoved().getIndex());
            default: throw new NotSerializableException("cluster state event of unknown kind " + p.getEventCase());
        }
    }

    static StateSnapshotP snapshot(StateSnapshot s) {
        StateSnapshotP.Builder b = StateSnapshotP.newBuilder().setIndex(s.index());
        if (s.swarm() != null) {
            b.setSwarm(ModelProto.swarm(s.swarm()));
        }
        s.nodes().forEach(n -> b.addNodes(ModelProto.node(n)));
        s.services().forEach(v -> b.addServices(ModelProto.service(v)));
        s.tasks().forEach(t -> b.addTasks(ModelProto.task(t)));
        b.setNetworking(NetworkingProto.networking(s.networking()));
        if (s.security() != null) {
            b.setSecurity(security(s.security()));
        }
        return b.build();
    }

    static StateSnapshot snapshot(StateSnapshotP p) {
        return new StateSnapshot(p.hasSwarm() ? ModelProto.swarm(p.getSwarm()) : null, p.getIndex(),
                p.getNodesList().stream().map(ModelProto::node).toList(),
                p.getServicesList().stream().map(ModelProto::service).toList(),
                p.getTasksList().stream().map(ModelProto::task).toList(),
                p.hasNetworking() ? NetworkingProto.networking(p.getNetworking()) : io.shoal.manager.network.Networking.EMPTY,
                p.hasSecurity() ? security(p.getSecurity()) : null);
    }

    static ClusterSecurityP.Builder security(ClusterSecurity s) {
        return ClusterSecurityP.newBuilder().setCaCertificatePem(s.caCertificatePem()).setCaKeyPem(s.caKeyPem())
                .setCaDigest(s.caDigest()).setWorkerSecret(s.workerSecret()).setManagerSecret(s.managerSecret());
    }

    static ClusterSecurity security(ClusterSecurityP p) {
        return new ClusterSecurity(p.getCaCertificatePem(), p.getCaKeyPem(), p.getCaDigest(), p.getWorkerSecret(), p.getManagerSecret());
    }
}
