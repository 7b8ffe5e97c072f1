package io.shoal.compose;

import io.shoal.compose.canonical.Normalizer;
import io.shoal.compose.canonical.Output;
import io.shoal.compose.canonical.ProjectRenderer;
import io.shoal.compose.interpolate.Template;
import io.shoal.compose.merge.LoadOptions;
import io.shoal.compose.merge.ModelLoader;
import io.shoal.compose.model.ComposeProject;
import io.shoal.compose.yaml.YamlReader;
import io.shoal.compose.yaml.YamlTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code shoal compose config}: finds the files and the environment as docker compose does,
 * loads and validates the model, and renders the canonical project.
 */
public final class ComposeConfig {
  private ComposeConfig() {
  }

  /** Loads, validates and renders the canonical project. env = process environment; workingDir = cwd. */
  public static String render(ConfigOptions options, Map<String, String> env, Path workingDir) throws ComposeException {
    ComposeProject p = load(options, env, workingDir);
    return "yaml".equals(options.format()) ? Output.yaml(p.tree()) : Output.json(p.tree());
  }

  public static ComposeProject load(ConfigOptions options, Map<String, String> env, Path workingDir)
      throws ComposeException {
    try {
      return doLoad(options, env, workingDir.toAbsolutePath().normalize());
    } catch (RuntimeException | StackOverflowError e) {
      StackTraceElement where = java.util.Arrays.stream(e.getStackTrace())
          .filter(f -> f.getClassName().startsWith("io.shoal.")).findFirst()
          .orElse(e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null);
      throw new ComposeException("internal error: " + e + (where != null ? " at " + where : ""), e);
    }
  }

  private static ComposeProject doLoad(ConfigOptions options, Map<String, String> osEnv, Path cwd)
      throws ComposeException {
    boolean dotEnv = !List.of("1", "t", "T", "true", "TRUE", "True")
        .contains(osEnv.getOrDefault("COMPOSE_DISABLE_ENV_FILE", ""));
    Map<String, String> env = new HashMap<>(osEnv);
    env.putIfAbsent("PWD", cwd.toString());
    List<Path> files = new ArrayList<>();
    for (Path f : options.files()) {
      files.add(cwd.resolve(f).normalize());
    }
    Environment.loadEnvFiles(env, envFiles(options, cwd, projectDir(options, cwd, files), dotEnv));
    if (files.isEmpty() && env.containsKey("COMPOSE_FILE")) {
      String sep = env.getOrDefault("COMPOSE_PATH_SEPARATOR", "");
      for (String f : env.get("COMPOSE_FILE").split(java.util.regex.Pattern.quote(sep.isEmpty() ? ":" : sep), -1)) {
        Path p = cwd.resolve(f).normalize();
        if (!Files.exists(p)) {
          throw new ComposeException(p + ": stat " + p + ": no such file or directory");
        }
        files.add(p);
      }
    }
    if (files.isEmpty()) {
      files.addAll(Environment.defaultFiles(options.projectDirectory().map(cwd::resolve).orElse(cwd)));
    }
    if (files.isEmpty()) {
      throw new ComposeException("no configuration file provided: not found");
    }
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new ComposeException(f + ": open " + f + ": no such file or directory");
      }
    }
    Path wd = projectDir(options, cwd, files);
    Environment.loadEnvFiles(env, envFiles(options, cwd, wd, dotEnv));
    List<String> profiles = new ArrayList<>(options.profiles());
    if (profiles.isEmpty()) {
      for (String s : env.getOrDefault("COMPOSE_PROFILES", "").split(",", -1)) {
        profiles.add(s.trim());
      }
    }
    String name = projectName(options, env, files, wd);
    env.put("COMPOSE_PROJECT_NAME", name);
    ModelLoader loader = new ModelLoader();
    try {
      Map<String, Object> dict = loader.loadModel(files,
          new LoadOptions(env, wd, true, true, true, true, true, List.of()));
      if (dict.isEmpty()) {
        throw new ComposeException(files.get(0) + ": empty compose file");
      }
      dict.put("name", name);
      Normalizer.normalize(dict, env);
      Map<String, Object> tree = ProjectRenderer.render(dict, name, profiles, env);
      return new ComposeProject(name, wd, tree);
    } catch (ComposeException e) {
      throw loader.locate(e);
    }
  }

  private static Path projectDir(ConfigOptions options, Path cwd, List<Path> files) {
    if (options.projectDirectory().isPresent()) {
      return cwd.resolve(options.projectDirectory().get()).normalize();
    }
    return files.isEmpty() ? cwd : files.get(0).getParent();
  }

  private static List<Path> envFiles(ConfigOptions options, Path cwd, Path wd, boolean useDotEnv) {
    List<Path> out = new ArrayList<>();
    if (!options.envFiles().isEmpty()) {
      for (Path p : options.envFiles()) {
        out.add(cwd.resolve(p).normalize());
      }
      return out;
    }
    if (!useDotEnv) {
      return out;
    }
    Path dotEnv = wd.resolve(".env");
    if (Files.isRegularFile(dotEnv)) {
      out.add(dotEnv);
    }
    return out;
  }

  private static String projectName(ConfigOptions options, Map<String, String> env, List<Path> files, Path wd)
      throws ComposeException {
    if (options.projectName().isPresent()) {
      return checked(options.projectName().get());
    }
    String fromEnv = env.get("COMPOSE_PROJECT_NAME");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return checked(fromEnv);
    }
    String fromYaml = "";
    for (Path f : files) {
      try {
        if (Files.size(f) > 16L << 20) {
          break;
        }
        for (YamlTree t : YamlReader.read(f.toString(), Files.readString(f, StandardCharsets.UTF_8))) {
          Object n = t.root().get("name");
          if (n instanceof String && !((String) n).isEmpty()) {
            fromYaml = (String) n;
          }
        }
      } catch (ComposeException | java.io.IOException e) {
        break;
      }
    }
    if (!fromYaml.isEmpty()) {
      try {
        fromYaml = Template.substitute(fromYaml, env::get);
      } catch (Template.TemplateException e) {
        throw new ComposeException(files.get(0) + ": error while interpolating name: " + e.getMessage());
      }
      String n = normalizeName(fromYaml);
      if (!n.isEmpty()) {
        return n;
      }
    }
    Path base = wd.getFileName();
    String n = normalizeName(base == null ? "" : base.toString());
    if (n.isEmpty()) {
      throw new ComposeException("project name must not be empty");
    }
    return n;
  }

  private static String checked(String name) throws ComposeException {
    if (!normalizeName(name).equals(name)) {
      throw new ComposeException("invalid project name \"" + name + "\": must consist only of lowercase alphanumeric"
          + " characters, hyphens, and underscores as well as start with a letter or number");
    }
    return name;
  }

  /** compose-go's NormalizeProjectName: lowercase, keep [a-z0-9_-], trim leading _ and -. */
  public static String normalizeName(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        sb.append(c);
      }
    }
    return sb.toString().replaceFirst("^[_-]+", "");
  }
}
