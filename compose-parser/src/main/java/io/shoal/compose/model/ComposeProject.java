package io.shoal.compose.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical project: its name, folder, and the tree that {@code docker compose config}
 * prints (services in long syntax, resources named, paths absolute). Accessors give typed views
 * over the parts the manager's stack support reads.
 */
public record ComposeProject(String name, Path workingDir, Map<String, Object> tree) {

  /** The enabled services, by name, each in canonical form. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> services() {
    Object s = tree.get("services");
    return s instanceof Map ? new TreeMap<>((Map<String, Map<String, Object>>) s) : Map.of();
  }

  public List<String> serviceNames() {
    return List.copyOf(services().keySet());
  }

  /** The enabled services as typed records. */
  public List<Service> typedServices() {
    List<Service> out = new java.util.ArrayList<>();
    services().forEach((name, s) -> out.add(TypedView.service(name, s)));
    return out;
  }

  /** A top-level section as typed records. */
  public List<Resource> typedResources(String kind) {
    List<Resource> out = new java.util.ArrayList<>();
    resources(kind).forEach((key, r) -> out.add(TypedView.resource(key, r)));
    return out;
  }

  /** A top-level section ({@code networks}, {@code volumes}, {@code secrets}, {@code configs}). */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> resources(String kind) {
    Object s = tree.get(kind);
    return s instanceof Map ? new TreeMap<>((Map<String, Map<String, Object>>) s) : Map.of();
  }
}
