package io.shoal.api.proto;

import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.NetworkSpec;
import io.shoal.api.model.ServiceSpec;
import java.util.List;

/** Networks, task attachments and service endpoints ⇄ protobuf ({@code shoal_network.proto}). */
public final class NetworkProto {
    private NetworkProto() {}

    public static NetworkP network(Network n) {
        NetworkP.Builder b = NetworkP.newBuilder().setId(n.id()).setVersion(ModelProto.version(n.version()))
                .setCreatedAt(ModelProto.nanos(n.createdAt())).setUpdatedAt(ModelProto.nanos(n.updatedAt()))
                .setSpec(spec(n.spec()));
        if (n.pools() != null) {
            n.pools().forEach(p -> b.addPools(pool(p)));
        }
        if (n.vni() != null) {
            b.setVni(n.vni());
        }
        return b.build();
    }

    public static Network network(NetworkP p) {
        return new Network(p.getId(), ModelProto.version(p.getVersion()), ModelProto.instant(p.getCreatedAt()),
                ModelProto.instant(p.getUpdatedAt()), spec(p.getSpec()), p.getPoolsList().stream().map(NetworkProto::pool).toList(),
                p.hasVni() ? p.getVni() : null);
    }

    public static NetworkSpecP spec(NetworkSpec s) {
        NetworkSpecP.Builder b = NetworkSpecP.newBuilder().setName(SpecProto.nz(s.name())).setDriver(SpecProto.nz(s.driver()))
                .setInternal(s.internal()).setAttachable(s.attachable()).setIngress(s.ingress());
        if (s.labels() != null) {
            b.putAllLabels(s.labels());
        }
        if (s.options() != null) {
            b.putAllOptions(s.options());
        }
        if (s.ipam() != null) {
            IpamSpecP.Builder i = IpamSpecP.newBuilder().setDriver(SpecProto.nz(s.ipam().driver()));
            if (s.ipam().config() != null) {
                s.ipam().config().forEach(c -> i.addConfig(pool(c)));
            }
            if (s.ipam().options() != null) {
                i.putAllOptions(s.ipam().options());
            }
            b.setIpam(i);
        }
        return b.build();
    }

    public static NetworkSpec spec(NetworkSpecP p) {
        NetworkSpec.Ipam ipam = null;
        if (p.hasIpam()) {
            IpamSpecP i = p.getIpam();
            ipam = new NetworkSpec.Ipam(SpecProto.nn(i.getDriver()), SpecProto.list(i.getConfigList().stream().map(NetworkProto::pool).toList()),
                    SpecProto.map(i.getOptionsMap()));
        }
        return new NetworkSpec(SpecProto.nn(p.getName()), SpecProto.nn(p.getDriver()), SpecProto.map(p.getLabelsMap()),
                SpecProto.map(p.getOptionsMap()), p.getInternal(), p.getAttachable(), p.getIngress(), ipam);
    }

    static IpamConfigP pool(NetworkSpec.IpamConfig c) {
        return IpamConfigP.newBuilder().setSubnet(SpecProto.nz(c.subnet())).setGateway(SpecProto.nz(c.gateway()))
                .setIpRange(SpecProto.nz(c.ipRange())).build();
    }

    static NetworkSpec.IpamConfig pool(IpamConfigP p) {
        return new NetworkSpec.IpamConfig(SpecProto.nn(p.getSubnet()), SpecProto.nn(p.getGateway()), SpecProto.nn(p.getIpRange()));
    }

    public static TaskNetworksP taskNetworks(String taskId, List<NetworkAttachment> attachments, long index) {
        TaskNetworksP.Builder b = TaskNetworksP.newBuilder().setTaskId(taskId).setIndex(index);
        for (NetworkAttachment a : attachments) {
            NetworkAttachmentP.Builder ab = NetworkAttachmentP.newBuilder().setNetworkId(a.networkId());
            if (a.addresses() != null) {
                ab.addAllAddresses(a.addresses());
            }
            if (a.aliases() != null) {
                ab.addAllAliases(a.aliases());
            }
            b.addAttachments(ab);
        }
        return b.build();
    }

    /** A node's own addresses (its ingress endpoint), with the same attachment encoding as a task's. */
    public static NodeNetworksP nodeNetworks(String nodeId, List<NetworkAttachment> attachments, long index) {
        return NodeNetworksP.newBuilder().setNodeId(nodeId).setIndex(index)
                .addAllAttachments(taskNetworks(nodeId, attachments, index).getAttachmentsList()).build();
    }

    public static List<NetworkAttachment> attachments(NodeNetworksP p) {
        return attachments(TaskNetworksP.newBuilder().addAllAttachments(p.getAttachmentsList()).build());
    }

    public static List<NetworkAttachment> attachments(TaskNetworksP p) {
        return p.getAttachmentsList().stream().map(a -> new NetworkAttachment(a.getNetworkId(),
                List.copyOf(a.getAddressesList()), SpecProto.list(a.getAliasesList()))).toList();
    }

    public static ServiceEndpointP serviceEndpoint(String serviceId, Endpoint e, long index) {
        EndpointP.Builder b = EndpointP.newBuilder();
        for (ServiceSpec.PortConfig p : e.ports()) {
            PortConfigP.Builder pb = PortConfigP.newBuilder();
            if (p.name() != null) {
                pb.setName(p.name());
            }
            if (p.protocol() != null) {
                pb.setProtocol(p.protocol());
            }
            if (p.targetPort() != null) {
                pb.setTargetPort(p.targetPort());
            }
            if (p.publishedPort() != null) {
                pb.setPublishedPort(p.publishedPort());
            }
            if (p.publishMode() != null) {
                pb.setPublishMode(p.publishMode());
            }
            b.addPorts(pb);
        }
        e.virtualIps().forEach(v -> b.addVirtualIps(VirtualIpP.newBuilder().setNetworkId(v.networkId()).setAddr(v.addr())));
        return ServiceEndpointP.newBuilder().setServiceId(serviceId).setEndpoint(b).setIndex(index).build();
    }

    public static Endpoint endpoint(ServiceEndpointP p) {
        EndpointP e = p.getEndpoint();
        return new Endpoint(e.getPortsList().stream().map(pp -> new ServiceSpec.PortConfig(pp.hasName() ? pp.getName() : null,
                        pp.hasProtocol() ? pp.getProtocol() : null, pp.hasTargetPort() ? pp.getTargetPort() : null,
                        pp.hasPublishedPort() ? pp.getPublishedPort() : null, pp.hasPublishMode() ? pp.getPublishMode() : null)).toList(),
                e.getVirtualIpsList().stream().map(v -> new Endpoint.VirtualIp(v.getNetworkId(), v.getAddr())).toList());
    }
}
