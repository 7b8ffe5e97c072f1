package io.shoal.manager.http.docker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Map;

/**
 * Record components to Docker's JSON names: upper camel case ({@code taskTemplate} → {@code TaskTemplate}),
 * with Docker's acronyms spelled as Docker spells them ({@code nanoCpus} → {@code NanoCPUs}).
 */
final class DockerNaming extends PropertyNamingStrategies.NamingBase {
    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("id", "ID"), Map.entry("nanoCpus", "NanoCPUs"), Map.entry("os", "OS"),
            Map.entry("tty", "TTY"), Map.entry("serviceId", "ServiceID"), Map.entry("nodeId", "NodeID"),
            Map.entry("containerId", "ContainerID"), Map.entry("pid", "PID"), Map.entry("nodeAddr", "NodeAddr"),
            Map.entry("caConfig", "CAConfig"), Map.entry("tlsInfo", "TLSInfo"), Map.entry("virtualIps", "VirtualIPs"));

    @Override
    public String translate(String name) {
        String e = EXCEPTIONS.get(name);
        if (e != null) {
            return e;
        }
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
