package io.shoal.compose.canonical;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Prints the project as JSON (2-space, sorted keys) or YAML, with every {@code $} doubled. */
public final class Output {
  /** Maps arrive ordered: Go maps sorted by key, Go structs in field order, as encoding/json writes them. */
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory().setCharacterEscapes(new GoEscapes());
    SimpleModule goNumbers = new SimpleModule();
    goNumbers.addSerializer(Double.class, new StdSerializer<Double>(Double.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(Double d, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeNumber(goFloat(d));
      }
    });
    JSON.registerModule(goNumbers);
  }

  /** encoding/json's float text: shortest digits, plain unless below 1e-6 or from 1e21. */
  static String goFloat(double d) {
    if (d == 0) {
      return "0";
    }
    java.math.BigDecimal b = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
    double abs = Math.abs(d);
    if (abs >= 1e-6 && abs < 1e21) {
      return b.toPlainString();
    }
    String digits = b.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - b.scale();
    String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
    return (d < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + Math.abs(exp);
  }
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
    DefaultPrettyPrinter p = new GoPrettyPrinter(new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    p.indentArraysWith(indent);
    p.indentObjectsWith(indent);
    return p;
  }

  /** encoding/json's HTML-safe escaping: {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as \\u escapes. */
  private static final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] table = standardAsciiEscapesForJSON();

    GoEscapes() {
      table['<'] = ESCAPE_CUSTOM;
      table['>'] = ESCAPE_CUSTOM;
      table['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029 || ch == '<' || ch == '>' || ch == '&') {
        return new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }
  }

  /** Empty objects and arrays print as {@code {}} and {@code []}, as Go's encoder prints them. */
  private static final class GoPrettyPrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    GoPrettyPrinter(DefaultPrettyPrinter base) {
      super(base);
    }

    @Override
    public GoPrettyPrinter createInstance() {
      return new GoPrettyPrinter(this);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      if (entries == 0) {
        if (!_objectIndenter.isInline()) {
          --_nesting;
        }
        g.writeRaw('}');
        return;
      }
      super.writeEndObject(g, entries);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      if (values == 0) {
        if (!_arrayIndenter.isInline()) {
          --_nesting;
        }
        g.writeRaw(']');
        return;
      }
      super.writeEndArray(g, values);
    }
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
      Map<String, Object> out = new LinkedHashMap<>();
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
