package io.shoal.compose.merge;

import io.shoal.compose.ComposeException;
import io.shoal.compose.canonical.PathResolver;
import io.shoal.compose.yaml.YamlTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code extends}: a service starts as a deep copy of its base (same file or another one, whose
 * relative paths are resolved against that file's folder) with the local definition merged on
 * top. A chain that comes back to a service it already passed is a cycle.
 */
final class Extends {
  private final ModelLoader loader;
  private final LoadOptions opts;
  private final YamlTree doc;

  Extends(ModelLoader loader, LoadOptions opts, YamlTree doc) {
    this.loader = loader;
    this.opts = opts;
    this.doc = doc;
  }

  @SuppressWarnings("unchecked")
  void apply(Map<String, Object> cfg) throws ComposeException {
    Object s = cfg.get("services");
    if (s == null) {
      return;
    }
    if (!(s instanceof Map)) {
      throw new ComposeException(doc.file() + ":" + doc.lineOf("services") + ": services must be a mapping");
    }
    Map<String, Object> services = (Map<String, Object>) s;
    for (String name : new ArrayList<>(services.keySet())) {
      services.put(name, extend(name, services, doc.file(), opts.workingDir(), doc.resetPaths(), List.of()));
    }
  }

  private record Ref(String file, String service) {
  }

  @SuppressWarnings("unchecked")
  private Object extend(String name, Map<String, Object> services, String filename, Path dir,
      List<String> resets, List<Ref> chain) throws ComposeException {
    Object s = services.get(name);
    if (s == null) {
      return null;
    }
    if (!(s instanceof Map)) {
      throw error("services." + name, "services." + name + " must be a mapping");
    }
    Map<String, Object> service = (Map<String, Object>) s;
    Object ext = service.get("extends");
    if (ext == null) {
      return s;
    }
    String ref;
    Object file = null;
    if (ext instanceof Map) {
      Object r = ((Map<String, Object>) ext).get("service");
      if (!(r instanceof String)) {
        throw error("services." + name + ".extends", "extends." + name + ".service is required");
      }
      ref = (String) r;
      file = ((Map<String, Object>) ext).get("file");
    } else {
      ref = String.valueOf(ext);
    }
    Map<String, Object> baseServices = services;
    List<String> baseResets = resets;
    String baseFile = filename;
    Path baseDir = dir;
    if (file != null) {
      Path local = dir.resolve(String.valueOf(file)).normalize();
      if (!Files.isRegularFile(local)) {
        throw error("services." + name + ".extends", "cannot read " + local);
      }
      ModelLoader.Loaded loaded = loader.loadFile(local, new LinkedHashMap<>(), opts.forExtends(local.getParent()), List.of());
      Object m = loaded.dict().get("services");
      if (!(m instanceof Map)) {
        throw error("services." + name + ".extends", "cannot extend service \"" + name + "\" in " + local + ": no services section");
      }
      baseServices = (Map<String, Object>) m;
      if (!baseServices.containsKey(ref)) {
        throw error("services." + name + ".extends", "cannot extend service \"" + name + "\" in " + filename
            + ": service \"" + ref + "\" not found in " + file);
      }
      PathResolver.resolve(loaded.dict(), local.getParent());
      baseResets = loaded.resets();
      baseFile = local.toString();
      baseDir = local.getParent();
    } else if (!services.containsKey(ref)) {
      throw error("services." + name + ".extends", "cannot extend service \"" + name + "\" in " + filename
          + ": service \"" + ref + "\" not found");
    }
    Ref here = new Ref(baseFile, name);
    List<Ref> next = new ArrayList<>(chain);
    if (chain.contains(here)) {
      StringBuilder sb = new StringBuilder("Circular reference:\n  " + chain.get(0).service() + " in " + chain.get(0).file());
      for (Ref r : next.subList(1, next.size())) {
        sb.append("\n  extends ").append(r.service()).append(" in ").append(r.file());
      }
      sb.append("\n  extends ").append(name).append(" in ").append(baseFile);
      throw error("services." + name + ".extends", sb.toString());
    }
    next.add(here);
    Object base = extend(ref, baseServices, baseFile, baseDir, baseResets, next);
    if (base == null) {
      return service;
    }
    Map<String, Object> source = (Map<String, Object>) deepClone(base);
    Map<String, Object> wrapper = new LinkedHashMap<>();
    wrapper.put("services", new LinkedHashMap<>(Map.of(name, source)));
    ModelLoader.applyResets(wrapper, resets);
    source = (Map<String, Object>) ((Map<String, Object>) wrapper.get("services")).getOrDefault(name, new LinkedHashMap<>());
    Map<String, Object> merged = (Map<String, Object>) Merger.mergeYaml(source, service, "services.x");
    merged.remove("extends");
    services.put(name, merged);
    return merged;
  }

  private ComposeException error(String path, String what) {
    return new ComposeException(doc.file() + ":" + doc.lineOf(path) + ": " + what);
  }

  @SuppressWarnings("unchecked")
  static Object deepClone(Object v) {
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
        out.put(e.getKey(), deepClone(e.getValue()));
      }
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<Object>) v) {
        out.add(deepClone(e));
      }
      return out;
    }
    return v;
  }
}
