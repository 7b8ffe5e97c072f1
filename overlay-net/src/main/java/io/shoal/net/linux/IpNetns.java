package io.shoal.net.linux;

import io.shoal.net.host.Netns;
import io.shoal.net.plan.NetnsName;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@link Netns} with {@code ip netns}. */
public final class IpNetns implements Netns {

    @Override
    public void create(NetnsName name) {
        Command.run(List.of("ip", "netns", "add", name.value()), "");
    }

    @Override
    public void delete(NetnsName name) {
        if (list().contains(name)) {
            Command.run(List.of("ip", "netns", "delete", name.value()), "");
        }
    }

    @Override
    public Set<NetnsName> list() {
        Set<NetnsName> names = new LinkedHashSet<>();
        for (String line : Command.run(List.of("ip", "netns", "list"), "").split("\n")) {
            String name = line.strip().split("\\s+")[0];
            NetnsName.parse(name).ifPresent(names::add);
        }
        return names;
    }
}
