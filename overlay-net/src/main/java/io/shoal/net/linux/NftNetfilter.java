package io.shoal.net.linux;

import io.shoal.net.host.Netfilter;
import io.shoal.net.lb.NftTable;
import io.shoal.net.plan.NetnsName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Netfilter} with {@code nft -f -} (the table text on stdin; one atomic transaction), in
 * a namespace through {@code ip netns exec NAME nft}. {@code scope} plays "the host" as in
 * {@link IpBatchLinks}.
 */
public final class NftNetfilter implements Netfilter {

    private final Optional<NetnsName> scope;

    public NftNetfilter(Optional<NetnsName> scope) {
        this.scope = scope;
    }

    @Override
    public void replace(Optional<NetnsName> netns, NftTable table) {
        Command.run(nft(netns, "-f", "-"), table.text());
    }

    @Override
    public void delete(Optional<NetnsName> netns, String table) {
        if (!NftTable.validName(table)) {
            throw new IllegalArgumentException("unsafe nft table name: " + table);
        }
        if (tables(netns).contains(table)) {
            Command.run(nft(netns, "delete", "table", "ip", table), "");
        }
    }

    @Override
    public Set<String> tables(Optional<NetnsName> netns) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Command.run(nft(netns, "list", "tables", "ip"), "").split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 3 && words[0].equals("table") && words[1].equals("ip")) {
                names.add(words[2]);
            }
        }
        return names;
    }

    private List<String> nft(Optional<NetnsName> netns, String... args) {
        List<String> argv = new ArrayList<>();
        netns.or(() -> scope).ifPresent(ns -> argv.addAll(List.of("ip", "netns", "exec", ns.value())));
        argv.add("nft");
        argv.addAll(List.of(args));
        return argv;
    }
}
