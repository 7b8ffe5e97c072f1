package io.shoal.net.host;

import io.shoal.net.lb.NftTable;
import io.shoal.net.plan.NetnsName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory tables per namespace; {@link #text} shows what was loaded. */
public final class FakeNetfilter implements Netfilter {

    private final Map<Optional<NetnsName>, Map<String, String>> tables = new LinkedHashMap<>();

    @Override
    public void replace(Optional<NetnsName> netns, NftTable table) {
        tables.computeIfAbsent(netns, k -> new LinkedHashMap<>()).put(table.name(), table.text());
    }

    @Override
    public void delete(Optional<NetnsName> netns, String table) {
        if (!NftTable.validName(table)) {
            throw new IllegalArgumentException("unsafe nft table name: " + table);
        }
        tables.getOrDefault(netns, new LinkedHashMap<>()).remove(table);
    }

    @Override
    public Set<String> tables(Optional<NetnsName> netns) {
        return Set.copyOf(tables.getOrDefault(netns, Map.of()).keySet());
    }

    public Optional<String> text(Optional<NetnsName> netns, String table) {
        return Optional.ofNullable(tables.getOrDefault(netns, Map.of()).get(table));
    }
}
