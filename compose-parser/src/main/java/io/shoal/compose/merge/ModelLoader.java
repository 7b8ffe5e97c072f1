package io.shoal.compose.merge;

import io.shoal.compose.ComposeException;
import io.shoal.compose.canonical.Canonical;
import io.shoal.compose.canonical.Defaults;
import io.shoal.compose.canonical.PathResolver;
import io.shoal.compose.interpolate.Interpolator;
import io.shoal.compose.validate.SchemaValidator;
import io.shoal.compose.validate.Semantics;
import io.shoal.compose.yaml.TreePath;
import io.shoal.compose.yaml.YamlReader;
import io.shoal.compose.yaml.YamlTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads compose files into one merged tree, file by file and document by document, in
 * compose-go's order: interpolate, include, apply {@code !reset}, extends, merge, unicity,
 * schema, canonical form; then defaults, checks and absolute paths for the whole model.
 */
public final class ModelLoader {
  /** Compose files are small; a larger one is refused before it is read into memory. */
  static final long MAX_FILE_BYTES = 16L << 20;

  private final List<YamlTree> trees = new ArrayList<>();

  /** Every document read so far, for line lookups in later errors. */
  public List<YamlTree> trees() {
    return trees;
  }

  /** Adds {@code file:line} to an error that names only an attribute path, from the last file defining it. */
  public ComposeException locate(ComposeException e) {
    if (e.attributePath() == null) {
      return e;
    }
    String path = e.attributePath();
    YamlTree best = null;
    int bestDepth = -1;
    for (int i = trees.size() - 1; i >= 0; i--) {
      YamlTree t = trees.get(i);
      String p = path;
      int depth = TreePath.parts(p).length;
      while (!p.isEmpty() && !t.lines().containsKey(p)) {
        int cut = p.lastIndexOf('.');
        p = cut < 0 ? "" : p.substring(0, cut);
        depth--;
      }
      if (!p.isEmpty() && depth > bestDepth) {
        best = t;
        bestDepth = depth;
      }
    }
    if (best == null) {
      return e;
    }
    return new ComposeException(best.file() + ":" + best.lineOf(path) + ": " + e.getMessage(), e);
  }

  public Map<String, Object> loadModel(List<Path> files, LoadOptions opts) throws ComposeException {
    Map<String, Object> dict = new LinkedHashMap<>();
    for (Path f : files) {
      dict = loadFile(f, dict, opts, new ArrayList<>()).dict;
    }
    if (opts.defaults()) {
      Defaults.apply(dict);
    }
    if (opts.validate()) {
      Semantics.validate(dict);
    }
    if (opts.resolvePaths()) {
      PathResolver.resolve(dict, opts.workingDir());
    }
    Defaults.resolveEnvironment(dict, opts.env());
    return dict;
  }

  /** A file's merged result and the {@code !reset} paths of its last document. */
  record Loaded(Map<String, Object> dict, List<String> resets) {
  }

  static String read(Path file) throws ComposeException {
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
        throw new ComposeException(file + ": file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ComposeException(file + ": cannot read file: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  Loaded loadFile(Path file, Map<String, Object> dict, LoadOptions opts, List<String> ignored)
      throws ComposeException {
    String name = file.toString();
    List<YamlTree> docs = YamlReader.read(name, read(file));
    List<String> resets = List.of();
    for (YamlTree doc : docs) {
      trees.add(doc);
      resets = doc.resetPaths();
      dict = processDocument(doc, dict, opts);
    }
    return new Loaded(dict, resets);
  }

  private Map<String, Object> processDocument(YamlTree doc, Map<String, Object> dict, LoadOptions opts)
      throws ComposeException {
    Map<String, Object> cfg = doc.root();
    Interpolator.interpolate(doc, k -> opts.env().get(k));
    if (opts.include()) {
      List<String> chain = new ArrayList<>(opts.included());
      chain.add(doc.file());
      Include.apply(this, cfg, opts, chain, doc);
    }
    applyResets(dict, doc.resetPaths());
    if (opts.extend()) {
      new Extends(this, opts, doc).apply(cfg);
    }
    try {
      dict = Merger.merge(dict, cfg);
      Unicity.enforce(dict);
    } catch (ComposeException e) {
      throw located(doc, e);
    }
    if (opts.validate()) {
      SchemaValidator.validate(dict, doc);
      dict.remove("version");
    }
    try {
      dict = Canonical.transform(dict);
      Unicity.enforce(dict);
    } catch (ComposeException e) {
      throw located(doc, e);
    }
    return dict;
  }

  static ComposeException located(YamlTree doc, ComposeException e) {
    String m = e.getMessage();
    if (m.startsWith(doc.file() + ":")) {
      return e;
    }
    String path = e.attributePath();
    if (path == null) {
      return new ComposeException(doc.file() + ": " + m, e);
    }
    return new ComposeException(doc.file() + ":" + doc.lineOf(path) + ": " + m, e);
  }

  /** Removes from {@code target} every path that a {@code !reset} or {@code !override} names. */
  @SuppressWarnings("unchecked")
  public static void applyResets(Object target, List<String> resets) {
    if (resets.isEmpty()) {
      return;
    }
    applyResets(target, "", resets);
  }

  @SuppressWarnings("unchecked")
  private static void applyResets(Object target, String path, List<String> resets) {
    if (target instanceof Map) {
      Map<String, Object> m = (Map<String, Object>) target;
      for (String k : new ArrayList<>(m.keySet())) {
        String next = TreePath.next(path, k);
        if (resets.stream().anyMatch(r -> TreePath.matches(next, r))) {
          m.remove(k);
        } else {
          applyResets(m.get(k), next, resets);
        }
      }
    } else if (target instanceof List) {
      List<Object> l = (List<Object>) target;
      for (int i = 0; i < l.size(); i++) {
        applyResets(l.get(i), TreePath.next(path, Integer.toString(i)), resets);
      }
    }
  }
}
