package io.shoal.manager.http.docker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.api.model.Endpoint;
import io.shoal.api.model.Network;
import io.shoal.api.model.NetworkAttachment;
import io.shoal.api.model.NetworkSpec;
import io.shoal.manager.network.Networking;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Docker's JSON for networks (NetworkResource), service endpoints and task NetworksAttachments. */
final class NetworkViews {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** dockerd's label for an overlay's VXLAN id. */
    static final String VXLAN_OPTION = "com.docker.network.driver.overlay.vxlanid_list";

    private NetworkViews() {}

    static ObjectNode network(Network n) {
        ObjectNode o = F.objectNode().put("Name", n.spec().name()).put("Id", n.id())
                .put("Created", DateTimeFormatter.ISO_INSTANT.format(n.createdAt())).put("Scope", "swarm")
                .put("Driver", n.spec().driver()).put("EnableIPv4", true).put("EnableIPv6", false);
        ObjectNode ipam = F.objectNode().put("Driver", n.spec().ipam() == null ? "default" : n.spec().ipam().driver());
        ipam.set("Options", map(n.spec().ipam() == null ? null : n.spec().ipam().options()));
        ArrayNode config = F.arrayNode();
        for (NetworkSpec.IpamConfig p : n.pools()) {
            ObjectNode c = F.objectNode().put("Subnet", p.subnet());
            if (p.ipRange() != null) {
                c.put("IPRange", p.ipRange());
            }
            config.add(c.put("Gateway", p.gateway()));
        }
        ipam.set("Config", config);
        o.set("IPAM", ipam);
        o.put("Internal", n.spec().internal()).put("Attachable", n.spec().attachable()).put("Ingress", n.spec().ingress());
        o.set("ConfigFrom", F.objectNode().put("Network", ""));
        o.put("ConfigOnly", false);
        o.set("Containers", F.objectNode());
        ObjectNode options = map(n.spec().options());
        if (n.vni() != null) {
            options.put(VXLAN_OPTION, String.valueOf(n.vni()));
        }
        o.set("Options", options);
        o.set("Labels", map(n.spec().labels()));
        return o;
    }

    /** {@code Endpoint}: the spec as given, and what was allocated (ports with their published port, VIPs). */
    static ObjectNode endpoint(ObjectNode spec, Endpoint e) {
        ObjectNode n = F.objectNode();
        n.set("Spec", spec);
        if (!e.ports().isEmpty()) {
            n.set("Ports", DockerJson.tree(e.ports()));
        }
        if (!e.virtualIps().isEmpty()) {
            ArrayNode vips = F.arrayNode();
            e.virtualIps().forEach(v -> vips.add(F.objectNode().put("NetworkID", v.networkId()).put("Addr", v.addr())));
            n.set("VirtualIPs", vips);
        }
        return n;
    }

    /** A task's {@code NetworksAttachments}: each entry carries the whole network, as Docker's do. */
    static ArrayNode attachments(List<NetworkAttachment> attachments, Networking networking) {
        ArrayNode out = F.arrayNode();
        for (NetworkAttachment a : attachments) {
            ObjectNode entry = F.objectNode();
            networking.network(a.networkId()).ifPresentOrElse(n -> entry.set("Network", swarmkitNetwork(n)),
                    () -> entry.set("Network", F.objectNode().put("ID", a.networkId())));
            entry.set("Addresses", DockerJson.tree(a.addresses()));
            if (a.aliases() != null) {
                entry.set("Aliases", DockerJson.tree(a.aliases()));
            }
            out.add(entry);
        }
        return out;
    }

    /** The swarm-object form of a network (ID, Version, Spec, DriverState, IPAMOptions) used inside tasks. */
    static ObjectNode swarmkitNetwork(Network n) {
        ObjectNode o = F.objectNode().put("ID", n.id());
        o.set("Version", F.objectNode().put("Index", n.version().index()));
        o.put("CreatedAt", DateTimeFormatter.ISO_INSTANT.format(n.createdAt())).put("UpdatedAt", DateTimeFormatter.ISO_INSTANT.format(n.updatedAt()));
        ObjectNode spec = F.objectNode().put("Name", n.spec().name());
        spec.set("Labels", map(n.spec().labels()));
        spec.set("DriverConfiguration", F.objectNode().put("Name", n.spec().driver()));
        spec.put("Internal", n.spec().internal()).put("Attachable", n.spec().attachable()).put("Ingress", n.spec().ingress());
        spec.put("Scope", "swarm");
        o.set("Spec", spec);
        ObjectNode driverState = F.objectNode().put("Name", n.spec().driver());
        if (n.vni() != null) {
            driverState.set("Options", F.objectNode().put(VXLAN_OPTION, String.valueOf(n.vni())));
        }
        o.set("DriverState", driverState);
        ArrayNode configs = F.arrayNode();
        n.pools().forEach(p -> configs.add(F.objectNode().put("Subnet", p.subnet()).put("Gateway", p.gateway())));
        o.set("IPAMOptions", F.objectNode().<ObjectNode>set("Driver", F.objectNode().put("Name", "default")).set("Configs", configs));
        return o;
    }

    private static ObjectNode map(Map<String, String> m) {
        ObjectNode o = F.objectNode();
        if (m != null) {
            new java.util.TreeMap<>(m).forEach(o::put);
        }
        return o;
    }
}
