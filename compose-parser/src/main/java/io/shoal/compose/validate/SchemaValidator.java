package io.shoal.compose.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.shoal.compose.ComposeException;
import io.shoal.compose.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * Validates a merged tree against the Compose Specification's JSON schema (2020-12, as shipped
 * with compose-go v2.13), reporting the most specific fault with its file and line.
 */
public final class SchemaValidator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private SchemaValidator() {
  }

  private static JsonSchema load() {
    try (InputStream in = SchemaValidator.class.getResourceAsStream("compose-spec.json")) {
      JsonNode node = MAPPER.readTree(in);
      // the shipped $id is relative, which the validator refuses as a base URI
      ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("$id", "https://shoal.io/schema/compose-spec.json");
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Throws for the deepest schema violation in {@code root}; {@code tree} gives file and lines. */
  public static void validate(Map<String, Object> root, YamlTree tree) throws ComposeException {
    JsonNode json = MAPPER.valueToTree(root);
    Set<ValidationMessage> errors = SCHEMA.validate(json);
    if (errors.isEmpty()) {
      return;
    }
    ValidationMessage worst = errors.stream()
        .max(Comparator.comparingInt((ValidationMessage m) -> path(m).split("\\.").length)
            .thenComparingInt(m -> "oneOf".equals(m.getType()) || "anyOf".equals(m.getType()) ? 0 : 1)
            .thenComparing(m -> path(m)))
        .orElseThrow();
    String path = path(worst);
    String msg = worst.getMessage();
    int colon = msg.indexOf(": ");
    if (msg.startsWith("$") && colon > 0) {
      msg = msg.substring(colon + 2);
    }
    // an unknown key is reported on its own line, not on the line of the mapping that holds it
    String at = "additionalProperties".equals(worst.getType()) && worst.getProperty() != null
        ? (path.isEmpty() ? "" : path + ".") + worst.getProperty() : path;
    String where = tree == null ? "" : tree.file() + ":" + tree.lineOf(at) + ": ";
    throw new ComposeException(where + "validating " + (tree == null ? "" : tree.file()) + ": "
        + (path.isEmpty() ? "(root)" : path) + " " + msg);
  }

  private static String path(ValidationMessage m) {
    String p = m.getInstanceLocation().toString();
    if (p.startsWith("$")) {
      p = p.substring(1);
    }
    p = p.replaceAll("\\[(\\d+)\\]", ".$1").replaceAll("\\['([^']*)'\\]", ".$1");
    return p.startsWith(".") ? p.substring(1) : p;
  }
}
