package io.shoal.net.host;

import io.shoal.net.lb.NftTable;
import io.shoal.net.plan.NetnsName;
import java.util.Optional;
import java.util.Set;

/** Loads whole nftables tables (family ip) into a namespace (empty: the host's own). */
public interface Netfilter {

    /** Creates or atomically replaces the table. */
    void replace(Optional<NetnsName> netns, NftTable table);

    /** Idempotent: deleting a missing table is fine. */
    void delete(Optional<NetnsName> netns, String table);

    /** The names of the ip-family tables present. */
    Set<String> tables(Optional<NetnsName> netns);
}
