package io.shoal.manager.http.docker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shoal.api.model.Task;
import io.shoal.api.model.TaskSpec;
import io.shoal.api.model.TaskState;
import io.shoal.api.error.ApiException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Docker Engine API JSON for the model's records: Docker's field names, RFC 3339 times, omitted empty
 * fields, and field names matched case-insensitively on input as Go's encoding/json matches them. Input
 * with a field Docker does not define is refused with its path; Docker fields that Shoal does not act on
 * yet are listed here and dropped.
 */
public final class DockerJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(new DockerNaming())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .addModule(new JavaTimeModule())
            .addModule(taskStates())
            .addMixIn(TaskSpec.ContainerSpec.class, ContainerSpecDockerFields.class)
            .addMixIn(TaskSpec.Mount.class, MountDockerFields.class)
            .addMixIn(TaskSpec.HealthConfig.class, HealthDockerFields.class)
            .addMixIn(TaskSpec.class, TaskSpecDockerFields.class)
            .addMixIn(Task.class, TaskInternalFields.class)
            .build();

    /** {@code PullOptions} (registry credentials) is no Docker API field: never read from a body, never shown. */
    @JsonIgnoreProperties({"Privileges", "DNSConfig", "Secrets", "OomScoreAdj", "Configs", "Isolation", "Ulimits",
            "PullOptions"})
    private interface ContainerSpecDockerFields {}

    @JsonIgnoreProperties({"Consistency", "BindOptions", "VolumeOptions", "ImageOptions", "TmpfsOptions"})
    private interface MountDockerFields {}

    @JsonIgnoreProperties({"StartInterval"})
    private interface HealthDockerFields {}

    @JsonIgnoreProperties({"PluginSpec", "NetworkAttachmentSpec"})
    private interface TaskSpecDockerFields {}

    @JsonIgnoreProperties(value = {"SpecVersion"}, allowGetters = false)
    private interface TaskInternalFields {}

    private DockerJson() {}

    /** Reads a request body as {@code type}, or fails with Docker's 400 and the path of what is wrong. */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("request body is empty: expected a JSON object");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("request body is null: expected a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String where = path(e).replaceFirst("\\.?[^.\\[]+$", "");
            throw ApiException.badRequest("unknown field \"" + e.getPropertyName() + "\""
                    + (where.isEmpty() ? "" : " in " + where) + location(e));
        } catch (MismatchedInputException e) {
            String where = path(e);
            throw ApiException.badRequest("invalid value" + (where.isEmpty() ? "" : " for " + where) + location(e)
                    + ": expected " + expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            String where = path(e);
            throw ApiException.badRequest("invalid value" + (where.isEmpty() ? "" : " for " + where) + location(e)
                    + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON" + location(e) + ": " + e.getOriginalMessage());
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        return "a " + type.getSimpleName();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static SimpleModule taskStates() {
        SimpleModule m = new SimpleModule("docker-task-states");
        m.addSerializer(TaskState.class, new StdSerializer<>(TaskState.class) {
            @Override
            public void serialize(TaskState s, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(s.dockerName());
            }
        });
        m.addDeserializer(TaskState.class, new StdDeserializer<>(TaskState.class) {
            @Override
            public TaskState deserialize(JsonParser p, DeserializationContext c) throws IOException {
                String s = p.getValueAsString();
                try {
                    return TaskState.fromDocker(s);
                } catch (IllegalArgumentException e) {
                    throw c.weirdStringException(s, TaskState.class, "not a task state");
                }
            }
        });
        return m;
    }
}
