package io.shoal.net.ipam;

import io.shoal.net.ipam.IpamError.Kind;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * VXLAN network identifiers for overlays, lowest free first from 4096 (as Swarm), one per
 * network, idempotent per network id; deterministic like {@link Ipam}, and owned by the same
 * manager state. Not thread-safe.
 */
public final class VniPool {

    public static final int FIRST = 4096;
    /** VNIs are 24 bits. */
    public static final int LAST = (1 << 24) - 1;

    private final BitSet used = new BitSet();
    private final Map<String, Integer> byNetwork = new HashMap<>();

    public IpamResult<Integer> allocate(String networkId) {
        Integer held = byNetwork.get(networkId);
        if (held != null) {
            return IpamResult.ok(held);
        }
        int offset = used.nextClearBit(0);
        if (FIRST + offset > LAST) {
            return IpamResult.refused(Kind.POOL_EXHAUSTED, "no free VNI");
        }
        used.set(offset);
        byNetwork.put(networkId, FIRST + offset);
        return IpamResult.ok(FIRST + offset);
    }

    /** Records a VNI replayed from the cluster state. */
    public IpamResult<Integer> reserve(String networkId, int vni) {
        if (vni < FIRST || vni > LAST) {
            return IpamResult.refused(Kind.INVALID_REQUEST, "VNI " + vni + " outside " + FIRST + ".." + LAST);
        }
        Integer held = byNetwork.get(networkId);
        if (held != null) {
            return held == vni ? IpamResult.ok(vni) : IpamResult.refused(Kind.INVALID_REQUEST, networkId + " already has VNI " + held);
        }
        if (used.get(vni - FIRST)) {
            return IpamResult.refused(Kind.ADDRESS_IN_USE, "VNI " + vni);
        }
        used.set(vni - FIRST);
        byNetwork.put(networkId, vni);
        return IpamResult.ok(vni);
    }

    public IpamResult<Integer> release(String networkId) {
        Integer vni = byNetwork.remove(networkId);
        if (vni == null) {
            return IpamResult.refused(Kind.NO_SUCH_NETWORK, networkId);
        }
        used.clear(vni - FIRST);
        return IpamResult.ok(vni);
    }
}
