package io.shoal.net.dns;

import io.shoal.net.ipam.Ipv4;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The views of one host's containers, swapped whole when tasks or names change: which networks
 * each container (by its address; IPAM keeps addresses unique) is attached to, and the names.
 */
public final class LiveViews implements EmbeddedDnsServer.Views {

    private record Snapshot(NameDirectory directory, Map<Ipv4, List<String>> attachments) {}

    private volatile Snapshot snapshot = new Snapshot(new NameDirectory(Map.of()), Map.of());

    /** @param attachments network ids of each local container, by its address, in attachment order */
    public void update(NameDirectory directory, Map<Ipv4, List<String>> attachments) {
        snapshot = new Snapshot(directory, Map.copyOf(attachments));
    }

    @Override
    public Optional<NameDirectory.View> forClient(InetAddress client) {
        if (!(client instanceof Inet4Address)) {
            return Optional.empty();
        }
        Snapshot current = snapshot;
        List<String> networks = current.attachments().get(new Ipv4(ByteBuffer.wrap(client.getAddress()).getInt()));
        return networks == null ? Optional.empty() : Optional.of(current.directory().viewFor(networks));
    }
}
