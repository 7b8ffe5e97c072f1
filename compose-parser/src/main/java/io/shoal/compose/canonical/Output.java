package io.shoal.compose.canonical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Prints the project as JSON (2-space, sorted keys) or YAML, with every {@code $} doubled. */
public final class Output {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  /** Go's json.MarshalIndent(v, "", "  ") layout: "key": value, one array element per line. */
  private static final DefaultPrettyPrinter GO_STYLE = goStyle();

  private Output() {
  }

  public static String json(Map<String, Object> project) {
    try {
      return JSON.writer(GO_STYLE).writeValueAsString(escape(project)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DefaultPrettyPrinter goStyle() {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter p = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    p.indentArraysWith(indent);
    p.indentObjectsWith(indent);
    return p;
  }

  public static String yaml(Map<String, Object> project) {
    DumpSettings s = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2).build();
    return new Dump(s).dumpToString(escape(project));
  }

  @SuppressWarnings("unchecked")
  static Object escape(Object v) {
    if (v instanceof String) {
      return ((String) v).replace("$", "$$");
    }
    if (v instanceof Map) {
      Map<String, Object> out = new TreeMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
        out.put(e.getKey().replace("$", "$$"), escape(e.getValue()));
      }
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<Object>) v) {
        out.add(escape(o));
      }
      return out;
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return (long) d;
      }
    }
    return v;
  }
}
