package io.shoal.compose.merge;

import io.shoal.compose.ComposeException;
import io.shoal.compose.interpolate.DotEnv;
import io.shoal.compose.yaml.YamlTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code include}: each entry is loaded as its own project (own folder, own .env) and its
 * services, networks, volumes, secrets and configs are copied in; a local definition of the same
 * name is merged over the included one. A file that includes itself again is a cycle.
 */
final class Include {
  private Include() {
  }

  @SuppressWarnings("unchecked")
  static void apply(ModelLoader loader, Map<String, Object> model, LoadOptions opts, List<String> chain,
      YamlTree doc) throws ComposeException {
    Object src = model.get("include");
    if (src == null) {
      return;
    }
    if (!(src instanceof List)) {
      throw new ComposeException(doc.file() + ":" + doc.lineOf("include") + ": `include` must be a list");
    }
    int index = 0;
    for (Object entry : (List<Object>) src) {
      String at = "include." + index++;
      Map<String, Object> r = new LinkedHashMap<>();
      if (entry instanceof Map) {
        r.putAll((Map<String, Object>) entry);
      } else if (entry != null) {
        r.put("path", entry);
      }
      List<String> paths = strings(r.get("path"));
      if (paths.isEmpty()) {
        throw new ComposeException(doc.file() + ":" + doc.lineOf(at) + ": " + at + ": path is required");
      }
      List<Path> files = new ArrayList<>();
      Path projectDir = null;
      for (int i = 0; i < paths.size(); i++) {
        Path p = opts.workingDir().resolve(paths.get(i)).normalize();
        if (i == 0) {
          Object pd = r.get("project_directory");
          projectDir = pd == null ? p.getParent() : opts.workingDir().resolve(String.valueOf(pd)).normalize();
          if (chain.contains(p.toString())) {
            List<String> c = new ArrayList<>(chain);
            c.add(p.toString());
            throw new ComposeException(doc.file() + ":" + doc.lineOf(at) + ": include cycle detected:\n"
                + c.get(0) + "\n include " + String.join("\n include ", c.subList(1, c.size())));
          }
        }
        if (!Files.isRegularFile(p)) {
          throw new ComposeException(doc.file() + ":" + doc.lineOf(at) + ": open " + p + ": no such file or directory");
        }
        files.add(p);
      }
      List<String> envFiles = new ArrayList<>();
      if (r.get("env_file") == null) {
        Path f = projectDir.resolve(".env");
        if (Files.isRegularFile(f)) {
          envFiles.add(f.toString());
        }
      } else {
        for (String f : strings(r.get("env_file"))) {
          if (!f.equals("/dev/null")) {
            envFiles.add(opts.workingDir().resolve(f).normalize().toString());
          }
        }
      }
      Map<String, String> env = new HashMap<>(opts.env());
      Map<String, String> fromFiles = new LinkedHashMap<>();
      for (String f : envFiles) {
        try {
          DotEnv.parse(ModelLoader.read(Path.of(f)), fromFiles, k -> opts.env().containsKey(k) ? opts.env().get(k) : fromFiles.get(k));
        } catch (DotEnv.DotEnvException e) {
          throw new ComposeException(f + ": failed to read " + f + ": " + e.getMessage());
        }
      }
      fromFiles.forEach(env::putIfAbsent);
      Map<String, Object> imported = loader.loadModel(files, opts.forInclude(env, projectDir, chain));
      for (String key : List.of("services", "volumes", "networks", "secrets", "configs", "models")) {
        importResource(imported, model, key, doc);
      }
    }
    model.remove("include");
  }

  @SuppressWarnings("unchecked")
  private static void importResource(Map<String, Object> source, Map<String, Object> target, String key,
      YamlTree doc) throws ComposeException {
    Object from = source.get(key);
    if (!(from instanceof Map)) {
      return;
    }
    Map<String, Object> to = target.get(key) instanceof Map ? (Map<String, Object>) target.get(key) : new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : ((Map<String, Object>) from).entrySet()) {
      if (!to.containsKey(e.getKey())) {
        to.put(e.getKey(), e.getValue());
        continue;
      }
      Map<String, Object> wrapper = new LinkedHashMap<>();
      Map<String, Object> single = new LinkedHashMap<>();
      single.put(e.getKey(), e.getValue());
      wrapper.put(key, single);
      ModelLoader.applyResets(wrapper, doc.resetPaths());
      Object a = ((Map<String, Object>) wrapper.get(key)).get(e.getKey());
      to.put(e.getKey(), Merger.mergeYaml(a, to.get(e.getKey()), key + "." + e.getKey()));
    }
    target.put(key, to);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List) {
      for (Object o : (List<Object>) v) {
        out.add(String.valueOf(o));
      }
    } else if (v != null) {
      out.add(String.valueOf(v));
    }
    return out;
  }
}
