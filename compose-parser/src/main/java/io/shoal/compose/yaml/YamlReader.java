package io.shoal.compose.yaml;

import io.shoal.compose.ComposeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a compose file into {@link YamlTree}s, one per document, as go-yaml v4 would: merge keys,
 * duplicate keys refused, {@code !reset}/{@code !override} recorded, YAML 1.1 octals, and bounded
 * work on alias bombs (snakeyaml-engine's alias limit plus a node-visit budget).
 */
public final class YamlReader {
  static final int MAX_ALIASES = 1_000;
  static final int MAX_NODE_VISITS = 100_000;
  static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

  /** Built once: the core schema's resolvers compile a dozen regular expressions. */
  private static final CoreSchema CORE = new CoreSchema();

  private final String file;
  private final Map<String, Integer> lines = new HashMap<>();
  private final List<String> resets = new ArrayList<>();
  private int visits;

  private final ScalarResolver resolver;

  private YamlReader(String file, ScalarResolver resolver) {
    this.file = file;
    this.resolver = resolver;
  }

  /** Parses every document of {@code text}; an empty document gives an empty root. */
  public static List<YamlTree> read(String file, String text) throws ComposeException {
    LoadSettings settings = LoadSettings.builder().setLabel(file)
        .setMaxAliasesForCollections(MAX_ALIASES).setAllowRecursiveKeys(false)
        .setCodePointLimit(MAX_CODE_POINTS).setAllowDuplicateKeys(true).setSchema(CORE).build();
    List<YamlTree> docs = new ArrayList<>();
    try {
      AliasCycles.check(file, text, settings);
      Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      while (composer.hasNext()) {
        Node node = composer.next();
        YamlReader r = new YamlReader(file, settings.getSchema().getScalarResolver());
        Object value = r.convert(node, "");
        if (value == null) {
          continue;
        }
        if (!(value instanceof Map)) {
          throw new ComposeException(file + ":" + line(node) + ": top-level object must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) value;
        docs.add(new YamlTree(file, root, r.lines, r.resets));
      }
    } catch (MarkedYamlEngineException e) {
      int l = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new ComposeException(file + ":" + l + ": yaml: " + firstLine(e.getProblem()), e);
    } catch (StackOverflowError e) {
      throw new ComposeException(file + ": yaml: document nested too deeply", e);
    } catch (YamlEngineException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
      throw new ComposeException(file + ": yaml: " + m, e);
    }
    return docs;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static int line(Node n) {
    return n.getStartMark().map(Mark::getLine).orElse(-1) + 1;
  }

  private static String join(String path, String key) {
    return TreePath.next(path, key);
  }

  private ComposeException error(Node n, String what) {
    return new ComposeException(file + ":" + line(n) + ": " + what);
  }

  private Object convert(Node node, String path) throws ComposeException {
    if (++visits > MAX_NODE_VISITS) {
      throw error(node, "compose file exceeds maximum node visit limit (" + MAX_NODE_VISITS + ")");
    }
    lines.putIfAbsent(path, line(node));
    String tag = node.getTag().getValue();
    if ("!reset".equals(tag)) {
      resets.add(path);
      return Reset.INSTANCE;
    }
    if ("!override".equals(tag)) {
      resets.add(path);
    }
    if (node instanceof ScalarNode) {
      return Scalars.resolve((ScalarNode) node, tag, resolver);
    }
    if (node instanceof SequenceNode) {
      List<Object> list = new ArrayList<>();
      int i = 0;
      for (Node item : ((SequenceNode) node).getValue()) {
        Object v = convert(item, join(path, Integer.toString(i)));
        if (v != Reset.INSTANCE) {
          list.add(v);
          i++;
        }
      }
      return list;
    }
    return convertMapping((MappingNode) node, path);
  }

  private Map<String, Object> convertMapping(MappingNode node, String path) throws ComposeException {
    Map<String, Object> map = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Map<String, Object>> merged = new ArrayList<>();
    for (NodeTuple t : node.getValue()) {
      Node keyNode = t.getKeyNode();
      if (!(keyNode instanceof ScalarNode)) {
        throw error(keyNode, "non-string key in " + (path.isEmpty() ? "top level" : path));
      }
      String key = ((ScalarNode) keyNode).getValue();
      boolean plain = ((ScalarNode) keyNode).isPlain();
      if ("<<".equals(key) && plain) {
        collectMerge(t.getValueNode(), path, merged);
        continue;
      }
      Integer before = seen.put(key, line(keyNode));
      if (before != null) {
        throw error(keyNode, "mapping key \"" + key + "\" already defined at line " + before);
      }
      Object keyValue = Scalars.resolve((ScalarNode) keyNode, keyNode.getTag().getValue(), resolver);
      if (keyValue instanceof Number || keyValue instanceof Boolean) {
        throw error(keyNode, "non-string key " + (path.isEmpty() ? "at top level" : "in " + TreePath.display(path))
            + ": " + key);
      }
      String k = key;
      Object v = convert(t.getValueNode(), join(path, k));
      lines.put(join(path, k), line(keyNode));
      if (v != Reset.INSTANCE) {
        map.put(k, v);
      }
    }
    for (Map<String, Object> m : merged) {
      for (Map.Entry<String, Object> e : m.entrySet()) {
        map.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  private void collectMerge(Node value, String path, List<Map<String, Object>> into)
      throws ComposeException {
    if (value instanceof MappingNode) {
      into.add(convertMapping((MappingNode) value, path));
    } else if (value instanceof SequenceNode) {
      for (Node n : ((SequenceNode) value).getValue()) {
        if (!(n instanceof MappingNode)) {
          throw error(n, "map merge requires map or sequence of maps as the value");
        }
        into.add(convertMapping((MappingNode) n, path));
      }
    } else {
      Object o = convert(value, path);
      if (o instanceof Map) {
        into.add((Map<String, Object>) o);
      } else {
        throw error(value, "map merge requires map or sequence of maps as the value");
      }
    }
  }

  /** The value of a {@code !reset} node: removed from its parent. */
  enum Reset { INSTANCE }
}
