package io.shoal.net.linux;

import io.shoal.net.host.Links;
import io.shoal.net.plan.Batch;
import io.shoal.net.plan.IfName;
import io.shoal.net.plan.IpBatchRenderer;
import io.shoal.net.plan.LinkChange;
import io.shoal.net.plan.NetnsName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Links} with {@code ip -batch -} and {@code bridge -batch -}: one process per batch,
 * not per change. {@code scope} is the namespace that plays "the host" (empty in production;
 * a test's own namespace in tests); task namespaces are addressed by name.
 */
public final class IpBatchLinks implements Links {

    private final Optional<NetnsName> scope;

    public IpBatchLinks(Optional<NetnsName> scope) {
        this.scope = scope;
    }

    @Override
    public void apply(List<LinkChange> changes) {
        for (Batch batch : IpBatchRenderer.render(changes)) {
            List<String> argv = new ArrayList<>();
            argv.add(batch.tool() == Batch.Tool.IP ? "ip" : "bridge");
            Optional<NetnsName> netns = batch.netns().or(() -> scope);
            netns.ifPresent(ns -> argv.addAll(List.of("-n", ns.value())));
            if (batch.bestEffort()) {
                argv.add("-force");
                // Removals of things already gone are fine: their errors are expected, not fatal.
                Command.runAllowingFailure(withBatch(argv), batch.text());
            } else {
                Command.run(withBatch(argv), batch.text());
            }
        }
    }

    private static List<String> withBatch(List<String> argv) {
        List<String> all = new ArrayList<>(argv);
        all.addAll(List.of("-batch", "-"));
        return all;
    }

    @Override
    public Set<IfName> links(Optional<NetnsName> netns) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        netns.or(() -> scope).ifPresent(ns -> argv.addAll(List.of("-n", ns.value())));
        argv.addAll(List.of("-o", "link", "show"));
        Set<IfName> names = new LinkedHashSet<>();
        for (String line : Command.run(argv, "").split("\n")) {
            // "7: shv0123456789ab@if6: <BROADCAST,...>": the name sits between the first ": " and '@' or ':'.
            int start = line.indexOf(": ");
            if (start < 0) {
                continue;
            }
            String rest = line.substring(start + 2);
            int end = rest.indexOf(':');
            int at = rest.indexOf('@');
            String name = rest.substring(0, at >= 0 && at < end ? at : Math.max(end, 0));
            IfName.parse(name).ifPresent(names::add);
        }
        return names;
    }
}
