package io.shoal.manager.ca;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The CA's settings ({@code shoal.ca} in reference.conf): how long the root and node certificates are
 * valid, and the port offset of the join endpoint from the cluster port.
 */
public record CaSettings(Duration rootValidity, Duration nodeCertificateValidity, int joinPortOffset) {
    public CaSettings {
        if (nodeCertificateValidity.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("shoal.ca.node-certificate-validity must be at least 1 minute, got " + nodeCertificateValidity);
        }
        if (rootValidity.compareTo(nodeCertificateValidity) <= 0) {
            throw new IllegalArgumentException("shoal.ca.root-validity must exceed shoal.ca.node-certificate-validity");
        }
    }

    public static CaSettings defaults() {
        return new CaSettings(Duration.ofDays(20 * 365), Duration.ofDays(90), 1);
    }

    public static CaSettings from(Config c) {
        Config ca = c.getConfig("shoal.ca");
        return new CaSettings(ca.getDuration("root-validity"), ca.getDuration("node-certificate-validity"), ca.getInt("join-port-offset"));
    }
}
