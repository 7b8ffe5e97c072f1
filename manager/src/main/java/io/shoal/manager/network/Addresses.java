package io.shoal.manager.network;

import io.shoal.net.ipam.Ipv4;

/** Addresses as Docker writes them on tasks and VIPs: {@code 10.0.1.5/24}, and back. */
final class Addresses {
    private Addresses() {}

    static String cidr(Ipv4 address, String prefixLength) {
        return address + "/" + prefixLength;
    }

    static Ipv4 address(String cidr) {
        int slash = cidr.indexOf('/');
        return Ipv4.of(slash < 0 ? cidr : cidr.substring(0, slash));
    }

    /** Owner keys in the IPAM: one per task attachment, per service VIP and per node endpoint, never clashing. */
    static String taskOwner(String taskId) {
        return "t:" + taskId;
    }

    static String vipOwner(String serviceId) {
        return "vip:" + serviceId;
    }

    /** A node's own address (its ingress endpoint). */
    static String nodeOwner(String nodeId) {
        return "n:" + nodeId;
    }
}
