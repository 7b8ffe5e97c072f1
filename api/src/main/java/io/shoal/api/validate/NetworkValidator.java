package io.shoal.api.validate;

import io.shoal.api.model.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link NetworkSpec} before it reaches the cluster state, with the field paths of Docker's
 * NetworkCreateRequest. Names follow dockerd's rule ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}); addresses are
 * checked for form here and for overlap by the managers' IPAM.
 */
public final class NetworkValidator {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");
    private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Set<String> DRIVERS = Set.of(NetworkSpec.OVERLAY, NetworkSpec.BRIDGE);
    /** dockerd's pre-defined networks: they exist on every host and cannot be created. */
    public static final Set<String> PREDEFINED = Set.of("bridge", "host", "none");

    private NetworkValidator() {}

    public static List<Violation> validate(NetworkSpec spec) {
        List<Violation> v = new ArrayList<>();
        if (spec.name() == null || spec.name().isEmpty()) {
            v.add(new Violation("Name", "network name must be provided"));
        } else if (spec.name().length() > 255 || !NAME.matcher(spec.name()).matches()) {
            v.add(new Violation("Name", "invalid network name \"" + spec.name()
                    + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed, at most 255 characters"));
        }
        if (spec.driver() != null && !spec.driver().isEmpty() && !DRIVERS.contains(spec.driver())) {
            v.add(new Violation("Driver", "unsupported network driver \"" + spec.driver() + "\": must be one of bridge, overlay"));
        }
        if (spec.ingress() && !NetworkSpec.OVERLAY.equals(spec.driverOrDefault())) {
            v.add(new Violation("Ingress", "an ingress network must use the overlay driver"));
        }
        if (spec.ingress() && spec.attachable()) {
            v.add(new Violation("Attachable", "an ingress network cannot be attachable"));
        }
        labels("Labels", spec.labels(), v);
        labels("Options", spec.options(), v);
        ipam(spec.ipam(), v);
        return v;
    }

    private static void ipam(NetworkSpec.Ipam ipam, List<Violation> v) {
        if (ipam == null) {
            return;
        }
        if (ipam.driver() != null && !ipam.driver().isEmpty() && !"default".equals(ipam.driver())) {
            v.add(new Violation("IPAM.Driver", "unsupported IPAM driver \"" + ipam.driver() + "\": only default is available"));
        }
        if (ipam.config() == null) {
            return;
        }
        if (ipam.config().size() > 1) {
            v.add(new Violation("IPAM.Config", "only one IPv4 pool per network is supported, got " + ipam.config().size()));
        }
        for (int i = 0; i < ipam.config().size(); i++) {
            NetworkSpec.IpamConfig c = ipam.config().get(i);
            String f = "IPAM.Config[" + i + "]";
            if (c == null) {
                v.add(new Violation(f, "pool must be an object"));
                continue;
            }
            boolean hasSubnet = c.subnet() != null && !c.subnet().isEmpty();
            if (hasSubnet && !CIDR.matcher(c.subnet()).matches()) {
                v.add(new Violation(f + ".Subnet", "invalid subnet \"" + c.subnet() + "\": expected an IPv4 CIDR such as 10.0.9.0/24"));
            }
            if (c.ipRange() != null && !c.ipRange().isEmpty()) {
                if (!hasSubnet) {
                    v.add(new Violation(f + ".IPRange", "an IP range needs a subnet"));
                } else if (!CIDR.matcher(c.ipRange()).matches()) {
                    v.add(new Violation(f + ".IPRange", "invalid IP range \"" + c.ipRange() + "\": expected an IPv4 CIDR"));
                }
            }
            if (c.gateway() != null && !c.gateway().isEmpty()) {
                if (!hasSubnet) {
                    v.add(new Violation(f + ".Gateway", "a gateway needs a subnet"));
                } else if (!ADDRESS.matcher(c.gateway()).matches()) {
                    v.add(new Violation(f + ".Gateway", "invalid gateway \"" + c.gateway() + "\": expected an IPv4 address"));
                }
            }
        }
    }

    private static void labels(String field, Map<String, String> labels, List<Violation> v) {
        if (labels == null) {
            return;
        }
        for (String k : labels.keySet()) {
            if (!Names.isLabelKey(k)) {
                v.add(new Violation(field, "invalid key \"" + k + "\""));
            }
        }
    }
}
