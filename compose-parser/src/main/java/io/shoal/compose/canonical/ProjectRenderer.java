package io.shoal.compose.canonical;

import io.shoal.compose.ComposeException;
import io.shoal.compose.interpolate.DotEnv;
import io.shoal.compose.validate.Consistency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The normalized model as {@code docker compose config} prints it: services bound to compose-go's
 * types, outside-profile services left out, references checked, unused resources dropped,
 * env_file and label_file merged in, top-level {@code x-*} kept.
 */
public final class ProjectRenderer {
  private ProjectRenderer() {
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> render(Map<String, Object> dict, String name, List<String> profiles,
      Map<String, String> env) throws ComposeException {
    Map<String, Object> services = new TreeMap<>();
    Map<String, Object> disabled = new TreeMap<>();
    Map<String, Object> raw = dict.get("services") instanceof Map ? (Map<String, Object>) dict.get("services") : Map.of();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      Map<String, Object> bound = Binder.struct("service", e.getValue(), io.shoal.compose.yaml.TreePath.next("services", e.getKey()));
      (hasProfile(bound, profiles) ? services : disabled).put(e.getKey(), bound);
    }
    Map<String, Object> project = new TreeMap<>();
    project.put("networks", top(dict, "networks", "network"));
    project.put("volumes", top(dict, "volumes", "volumetop"));
    project.put("secrets", top(dict, "secrets", "fileobject"));
    project.put("configs", top(dict, "configs", "fileobject"));
    Map<String, Object> withModels = new TreeMap<>(project);
    withModels.put("models", dict.get("models") instanceof Map ? dict.get("models") : Map.of());
    Consistency.check(services, disabled, withModels);
    prune(services, project);
    for (Map.Entry<String, Object> e : services.entrySet()) {
      try {
        resolveEnvironment((Map<String, Object>) e.getValue(), env);
      } catch (ComposeException ex) {
        throw ex.attributePath() != null ? ex
            : new ComposeException(ex.getMessage(), io.shoal.compose.yaml.TreePath.next("services", e.getKey()) + ".env_file");
      }
    }
    containerNames(services);
    Map<String, Object> out = new TreeMap<>();
    out.put("name", name);
    out.put("services", services);
    for (String k : List.of("networks", "volumes", "secrets", "configs")) {
      Map<String, Object> m = (Map<String, Object>) project.get(k);
      if (!m.isEmpty()) {
        out.put(k, m);
      }
    }
    for (Map.Entry<String, Object> e : dict.entrySet()) {
      if (e.getKey().startsWith("x-")) {
        out.put(e.getKey(), sortedMaps(e.getValue()));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> top(Map<String, Object> dict, String key, String type) throws ComposeException {
    Map<String, Object> out = new TreeMap<>();
    if (dict.get(key) instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) dict.get(key)).entrySet()) {
        Map<String, Object> b = Binder.struct(type, e.getValue(), io.shoal.compose.yaml.TreePath.next(key, e.getKey()));
        if (key.equals("secrets") || b.containsKey("environment")) {
          b.remove("content");
        }
        out.put(e.getKey(), b);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static boolean hasProfile(Map<String, Object> service, List<String> profiles) {
    List<Object> own = (List<Object>) service.get("profiles");
    if (own == null || own.isEmpty()) {
      return true;
    }
    for (String p : profiles) {
      if (p.equals("*") || own.contains(p)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static void prune(Map<String, Object> services, Map<String, Object> project) {
    Map<String, java.util.Set<String>> used = new HashMap<>();
    for (String k : List.of("networks", "volumes", "secrets", "configs")) {
      used.put(k, new java.util.HashSet<>());
    }
    for (Object o : services.values()) {
      Map<String, Object> s = (Map<String, Object>) o;
      if (s.get("networks") instanceof Map) {
        used.get("networks").addAll(((Map<String, Object>) s.get("networks")).keySet());
      }
      for (Object v : list(s.get("volumes"))) {
        Map<String, Object> vol = (Map<String, Object>) v;
        if ("volume".equals(vol.get("type")) && vol.get("source") != null) {
          used.get("volumes").add(String.valueOf(vol.get("source")));
        }
      }
      for (Object v : list(s.get("secrets"))) {
        used.get("secrets").add(String.valueOf(((Map<String, Object>) v).get("source")));
      }
      if (s.get("build") instanceof Map) {
        for (Object v : list(((Map<String, Object>) s.get("build")).get("secrets"))) {
          used.get("secrets").add(String.valueOf(((Map<String, Object>) v).get("source")));
        }
      }
      for (Object v : list(s.get("configs"))) {
        used.get("configs").add(String.valueOf(((Map<String, Object>) v).get("source")));
      }
    }
    for (Map.Entry<String, java.util.Set<String>> e : used.entrySet()) {
      ((Map<String, Object>) project.get(e.getKey())).keySet().retainAll(e.getValue());
    }
  }

  @SuppressWarnings("unchecked")
  private static void resolveEnvironment(Map<String, Object> s, Map<String, String> env) throws ComposeException {
    Map<String, Object> service = s.get("environment") instanceof Map
        ? new TreeMap<>((Map<String, Object>) s.get("environment")) : new TreeMap<>();
    for (Map.Entry<String, Object> e : service.entrySet()) {
      if (e.getValue() == null && env.containsKey(e.getKey())) {
        e.setValue(env.get(e.getKey()));
      }
    }
    Map<String, String> fromFiles = new LinkedHashMap<>();
    for (Object f : list(s.get("env_file"))) {
      Map<String, Object> ef = (Map<String, Object>) f;
      Path path = Path.of(String.valueOf(ef.get("path")));
      if (!Files.exists(path)) {
        if (Boolean.FALSE.equals(ef.get("required"))) {
          continue;
        }
        throw new ComposeException("env file " + path + " not found: stat " + path + ": no such file or directory");
      }
      Object format = ef.get("format");
      if (format != null && !"".equals(format) && !".env".equals(format)) {
        throw new ComposeException("unsupported env_file format \"" + format + "\"");
      }
      parseInto(path, fromFiles, k -> {
        if (env.containsKey(k)) {
          return env.get(k);
        }
        Object v = service.get(k);
        return v == null ? null : String.valueOf(v);
      });
    }
    Map<String, Object> merged = new TreeMap<>(fromFiles);
    merged.putAll(service);
    s.remove("env_file");
    if (merged.isEmpty()) {
      s.remove("environment");
    } else {
      s.put("environment", merged);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Object f : list(s.get("label_file"))) {
      Path path = Path.of(String.valueOf(f));
      if (!Files.exists(path)) {
        throw new ComposeException("label file " + path + " not found");
      }
      parseInto(path, labels, labels::get);
    }
    if (!labels.isEmpty()) {
      Map<String, Object> all = new TreeMap<>(labels);
      if (s.get("labels") instanceof Map) {
        all.putAll((Map<String, Object>) s.get("labels"));
      }
      s.put("labels", all);
    }
    s.remove("label_file");
    reorder(s);
  }

  /** Puts the service's attributes back in compose-go's field order after environment and labels changed. */
  private static void reorder(Map<String, Object> s) {
    Map<String, Object> copy = new LinkedHashMap<>(s);
    s.clear();
    for (String field : GoModel.STRUCTS.get("service").keySet()) {
      if (copy.containsKey(field)) {
        s.put(field, copy.get(field));
      }
    }
  }

  private static void parseInto(Path path, Map<String, String> out, java.util.function.Function<String, String> lookup)
      throws ComposeException {
    try {
      DotEnv.parse(Files.readString(path, StandardCharsets.UTF_8), out, lookup);
    } catch (IOException e) {
      throw new ComposeException(path + ": cannot read: " + e.getMessage());
    } catch (DotEnv.DotEnvException e) {
      throw new ComposeException(path + ":" + e.getMessage().replaceFirst("^line ", "") .replaceFirst(":", ": ")
          .replaceFirst("^", ""));
    }
  }

  @SuppressWarnings("unchecked")
  private static void containerNames(Map<String, Object> services) throws ComposeException {
    Map<String, String> names = new HashMap<>();
    for (Map.Entry<String, Object> e : services.entrySet()) {
      Object cn = ((Map<String, Object>) e.getValue()).get("container_name");
      if (cn != null) {
        if (names.containsKey(cn)) {
          throw new ComposeException("services." + e.getKey() + ": container name \"" + cn
              + "\" is already in use by service " + names.get(cn),
              io.shoal.compose.yaml.TreePath.next("services", e.getKey()) + ".container_name");
        }
        names.put(String.valueOf(cn), e.getKey());
      }
    }
  }

  /** A raw YAML value as Go holds it: every mapping a map, so sorted when printed. */
  @SuppressWarnings("unchecked")
  private static Object sortedMaps(Object v) {
    if (v instanceof Map) {
      Map<String, Object> out = new TreeMap<>();
      ((Map<String, Object>) v).forEach((k, x) -> out.put(k, sortedMaps(x)));
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<Object>) v).forEach(x -> out.add(sortedMaps(x)));
      return out;
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object v) {
    return v instanceof List ? (List<Object>) v : new ArrayList<>();
  }
}
