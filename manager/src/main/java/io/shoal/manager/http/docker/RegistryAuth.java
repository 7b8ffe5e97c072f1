package io.shoal.manager.http.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.api.error.ApiException;
import io.shoal.api.model.ServiceSpec;
import io.shoal.api.model.TaskSpec;
import java.io.IOException;
import java.util.Base64;

/**
 * The {@code X-Registry-Auth} header of {@code docker service create/update --with-registry-auth}: as dockerd does,
 * the manager keeps the encoded value as it came in the service's container spec (swarmkit's
 * {@code PullOptions.RegistryAuth}) for the workers' pulls, and never shows it. Here it is only checked to be what
 * Docker clients send, base64url of a JSON object, so a garbled header is a 400 now rather than a failed pull later.
 */
final class RegistryAuth {
    /** Far above any real credentials; keeps the cluster state small. */
    private static final int MAX_LENGTH = 16 * 1024;

    private RegistryAuth() {}

    /** {@code spec} carrying {@code header} in its container spec; unchanged when the header is absent or empty. */
    static ServiceSpec attach(ServiceSpec spec, String header) {
        if (header == null || header.isBlank()) {
            return spec;
        }
        return with(spec, new TaskSpec.PullOptions(check(header.trim())));
    }

    /** {@code spec} with {@code options} (null: none) in its container spec, when it has one. */
    static ServiceSpec with(ServiceSpec spec, TaskSpec.PullOptions options) {
        if (spec == null || spec.taskTemplate() == null || spec.taskTemplate().containerSpec() == null) {
            return spec;
        }
        TaskSpec t = spec.taskTemplate();
        return spec.withTaskTemplate(t.withContainerSpec(t.containerSpec().withPullOptions(options)));
    }

    static TaskSpec.PullOptions of(ServiceSpec spec) {
        return spec == null || spec.taskTemplate() == null || spec.taskTemplate().containerSpec() == null ? null
                : spec.taskTemplate().containerSpec().pullOptions();
    }

    private static String check(String header) {
        if (header.length() > MAX_LENGTH) {
            throw ApiException.badRequest("invalid X-Registry-Auth header: longer than " + MAX_LENGTH + " characters");
        }
        JsonNode decoded;
        try {
            String b64 = header.replace('+', '-').replace('/', '_').replaceAll("=+$", "");
            decoded = DockerJson.MAPPER.readTree(Base64.getUrlDecoder().decode(b64));
        } catch (IllegalArgumentException | IOException e) {
            throw ApiException.badRequest("invalid X-Registry-Auth header: expected base64url-encoded JSON credentials");
        }
        if (decoded == null || !decoded.isObject()) {
            throw ApiException.badRequest("invalid X-Registry-Auth header: expected a JSON object of credentials");
        }
        return header;
    }
}
