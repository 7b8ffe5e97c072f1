package io.shoal.manager.network;

import io.shoal.api.model.ServiceSpec;

/** Docker's defaults for a published port: protocol {@code tcp}, publish mode {@code ingress}. */
final class Ports {
    private Ports() {}

    static String protocol(ServiceSpec.PortConfig p) {
        return p.protocol() == null || p.protocol().isEmpty() ? "tcp" : p.protocol();
    }

    static String mode(ServiceSpec.PortConfig p) {
        return p.publishMode() == null || p.publishMode().isEmpty() ? "ingress" : p.publishMode();
    }

    static boolean isIngress(ServiceSpec.PortConfig p) {
        return "ingress".equals(mode(p));
    }
}
