package io.shoal.api.identity;

import java.util.Locale;

/**
 * The role a node's certificate grants, written in the certificate's OU as Swarm does
 * ({@code swarm-manager}, {@code swarm-worker}); {@link #apiName()} is the Docker API's {@code Role}.
 */
public enum NodeRole {
    MANAGER("swarm-manager"), WORKER("swarm-worker");

    private final String organizationalUnit;

    NodeRole(String organizationalUnit) {
        this.organizationalUnit = organizationalUnit;
    }

    public String organizationalUnit() {
        return organizationalUnit;
    }

    /** {@code manager} or {@code worker}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NodeRole fromOrganizationalUnit(String ou) {
        for (NodeRole r : values()) {
            if (r.organizationalUnit.equals(ou)) {
                return r;
            }
        }
        throw new IllegalArgumentException("certificate role (OU) is neither swarm-manager nor swarm-worker: " + ou);
    }

    public static NodeRole fromApiName(String name) {
        for (NodeRole r : values()) {
            if (r.apiName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("invalid role \"" + name + "\": expected worker or manager");
    }
}
