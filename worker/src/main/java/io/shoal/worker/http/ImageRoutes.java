package io.shoal.worker.http;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpMethods;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.stream.Materializer;
import akka.stream.javadsl.StreamConverters;
import akka.util.ByteString;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.engine.content.ImageRemoval;
import io.shoal.api.error.ApiException;
import io.shoal.engine.content.Image;
import io.shoal.engine.image.ImageConfig;
import io.shoal.engine.image.ImageReference;
import io.shoal.engine.registry.AuthConfig;
import io.shoal.engine.registry.PullResult;
import io.shoal.engine.registry.PushResult;
import io.shoal.engine.registry.RegistryException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /images/…}: list, inspect, load ({@code docker save} archives), pull ({@code /images/create}) and push
 * through {@link ImageTransfer}, tag and remove. Names may hold slashes and colons ({@code host:5000/ns/app:1}),
 * so the path after {@code /images/} is read whole and its last segment names the operation.
 */
final class ImageRoutes extends AllDirectives {
    private static final Set<String> LIST_FILTERS = Set.of("reference", "dangling", "label");
    private static final Set<String> PRUNE_FILTERS = Set.of("dangling", "until", "label", "label!");
    private final EnginePort engine;
    private final ImageTransfer transfer;
    private final Blocking blocking;
    private final Materializer materializer;

    ImageRoutes(EnginePort engine, ImageTransfer transfer, Blocking blocking, Materializer materializer) {
        this.engine = engine;
        this.transfer = transfer;
        this.blocking = blocking;
        this.materializer = materializer;
    }

    Route route() {
        return pathPrefix("images", () -> concat(
                path("json", () -> get(() -> parameterMap(q -> completeWithFuture(blocking.respond(() -> list(q)))))),
                path("create", () -> post(() -> extractRequest(req -> parameterMap(q -> completeWithFuture(pull(req, q)))))),
                path("load", () -> post(() -> extractDataBytes(bytes -> completeWithFuture(blocking.respond(() ->
                        load(bytes.runWith(StreamConverters.asInputStream(), materializer))))))),
                path("get", () -> get(() -> parameterMultiMap(q -> completeWithFuture(
                        save(q.getOrDefault("names", List.of())))))),
                path("prune", () -> post(() -> parameterMap(q -> completeWithFuture(blocking.respond(() -> prune(q)))))),
                extractUnmatchedPath(rest -> extractRequest(req -> parameterMap(q -> named(rest, req, q))))));
    }

    private Route named(String rest, HttpRequest request, Map<String, String> q) {
        String path = URLDecoder.decode(rest.startsWith("/") ? rest.substring(1) : rest, StandardCharsets.UTF_8);
        boolean get = request.method().equals(HttpMethods.GET);
        boolean post = request.method().equals(HttpMethods.POST);
        if (get && path.endsWith("/json")) {
            String name = path.substring(0, path.length() - "/json".length());
            return completeWithFuture(blocking.respond(() -> Blocking.json(200, inspect(find(name)))));
        }
        if (get && path.endsWith("/get")) {
            return completeWithFuture(save(List.of(path.substring(0, path.length() - "/get".length()))));
        }
        if (post && path.endsWith("/push")) {
            return completeWithFuture(push(request, path.substring(0, path.length() - "/push".length()), q));
        }
        if (post && path.endsWith("/tag")) {
            String name = path.substring(0, path.length() - "/tag".length());
            return completeWithFuture(blocking.respond(() -> tag(name, q)));
        }
        if (request.method().equals(HttpMethods.DELETE) && !path.isEmpty()) {
            return completeWithFuture(blocking.respond(() -> {
                find(path);
                ImageRemoval removal = engine.untag(path, Query.flag(q, "force"));
                ArrayNode out = NodeJson.array();
                removal.untagged().forEach(name -> out.addObject().put("Untagged", ImageReference.of(name).familiar()));
                removal.deleted().forEach(id -> out.addObject().put("Deleted", id));
                return Blocking.json(200, out);
            }));
        }
        return reject();
    }

    private Image find(String name) {
        return engine.image(name).orElseThrow(() -> ApiException.notFound("No such image: " + name));
    }

    private HttpResponse list(Map<String, String> q) {
        Map<String, List<String>> filters = NodeJson.filters(q.get("filters"), LIST_FILTERS);
        ArrayNode out = NodeJson.array();
        for (Image image : engine.images()) {
            List<String> tags = image.tags().stream().map(ContainerViews::familiar).toList();
            List<String> wanted = filters.getOrDefault("reference", List.of());
            if (!wanted.isEmpty() && tags.stream().noneMatch(t -> wanted.stream().anyMatch(w -> t.equals(w)
                    || t.startsWith(w + ":")))) {
                continue;
            }
            if (!NodeJson.labelsMatch(image.config().labels(), filters.getOrDefault("label", List.of()))) {
                continue;
            }
            List<String> dangling = filters.getOrDefault("dangling", List.of());
            if (!dangling.isEmpty() && dangling.stream().noneMatch(d -> (d.equals("true") || d.equals("1"))
                    == image.tags().isEmpty())) {
                continue;
            }
            ObjectNode o = out.addObject();
            o.put("Id", image.id().toString());
            o.put("ParentId", "");
            o.set("RepoTags", NodeJson.strings(tags));
            o.set("RepoDigests", NodeJson.strings(digests(image)));
            o.put("Created", image.created() == null ? 0 : image.created().getEpochSecond());
            o.put("Size", image.size());
            o.put("SharedSize", -1);
            o.set("Labels", NodeJson.map(image.config().labels()));
            o.put("Containers", -1);
        }
        return Blocking.json(200, out);
    }

    static ObjectNode inspect(Image image) {
        ImageConfig c = image.config();
        ObjectNode o = NodeJson.object();
        o.put("Id", image.id().toString());
        o.set("RepoTags", NodeJson.strings(image.tags().stream().map(ContainerViews::familiar).toList()));
        o.set("RepoDigests", NodeJson.strings(digests(image)));
        o.put("Parent", "");
        o.put("Comment", "");
        o.put("Created", NodeJson.time(image.created()));
        ObjectNode config = o.putObject("Config");
        config.put("User", c.user());
        config.set("Env", NodeJson.strings(c.env()));
        config.set("Cmd", c.cmd() == null ? null : NodeJson.strings(c.cmd()));
        config.set("Entrypoint", c.entrypoint() == null ? null : NodeJson.strings(c.entrypoint()));
        config.put("WorkingDir", c.workingDir());
        config.set("ExposedPorts", NodeJson.set(c.exposedPorts()));
        config.set("Volumes", NodeJson.set(c.volumes()));
        config.set("Labels", NodeJson.map(c.labels()));
        if (!c.stopSignal().isEmpty()) {
            config.put("StopSignal", c.stopSignal());
        }
        o.put("Architecture", c.architecture());
        o.put("Os", c.os());
        o.put("Size", image.size());
        ObjectNode rootfs = o.putObject("RootFS");
        rootfs.put("Type", "layers");
        rootfs.set("Layers", NodeJson.strings(c.diffIds()));
        o.putObject("Metadata").put("LastTagTime", NodeJson.ZERO_TIME);
        return o;
    }

    private static List<String> digests(Image image) {
        return image.tags().stream().map(t -> ImageReference.of(t)).map(r -> ContainerViews.familiar(r.name())
                .replaceFirst(":latest$", "") + "@" + image.manifest()).distinct().toList();
    }

    private HttpResponse load(InputStream archive) {
        List<Image> loaded;
        try (InputStream in = archive) {
            loaded = engine.loadDockerArchive(in);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("cannot read the archive: " + e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        for (Image image : loaded) {
            List<String> names = image.tags().isEmpty() ? List.of() : image.tags();
            if (names.isEmpty()) {
                out.append(NodeJson.object().put("stream", "Loaded image ID: " + image.id() + "\n")).append("\n");
            }
            for (String name : names) {
                out.append(NodeJson.object().put("stream", "Loaded image: " + ContainerViews.familiar(name) + "\n"))
                        .append("\n");
            }
        }
        return HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, out.toString());
    }

    /**
     * {@code GET /images/get?names=…} and {@code /images/{name}/get}: the {@code docker save} tar, streamed as the
     * engine writes it. An unknown name is an HTTP error (nothing has been written yet); a failure later cuts the
     * stream short, which {@code docker load} reports as a broken archive.
     */
    private CompletionStage<HttpResponse> save(List<String> names) {
        CompletableFuture<HttpResponse> response = new CompletableFuture<>();
        OutputPipe pipe = new OutputPipe(materializer);
        HttpResponse streaming = HttpResponse.create().withEntity(HttpEntities.createChunked(
                ContentTypes.create(akka.http.javadsl.model.MediaTypes.APPLICATION_X_TAR), pipe.source()));
        java.io.OutputStream body = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                response.complete(streaming);
                pipe.write(ByteString.fromArray(b, off, len));
            }
        };
        blocking.executor().execute(() -> {
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(body, 1 << 16)) {
                if (names.isEmpty()) {
                    throw ApiException.badRequest("no image names given to save");
                }
                engine.save(names, out);
            } catch (Exception e) {
                response.complete(Blocking.error(e));
            } finally {
                response.complete(streaming);
                pipe.close();
            }
        });
        return response;
    }

    /**
     * {@code POST /images/prune}: dangling images, or with {@code dangling=false} ({@code prune -a}) every image no
     * container uses, narrowed by {@code until} and {@code label}/{@code label!}; Docker's ImagesDeleted and
     * SpaceReclaimed.
     */
    private HttpResponse prune(Map<String, String> q) {
        Map<String, List<String>> filters = NodeJson.filters(q.get("filters"), PRUNE_FILTERS);
        boolean all = false;
        for (String d : filters.getOrDefault("dangling", List.of())) {
            if (d.equalsIgnoreCase("false") || d.equals("0")) {
                all = true;
            } else if (!d.equalsIgnoreCase("true") && !d.equals("1")) {
                throw ApiException.badRequest("invalid filter 'dangling=" + d + "'");
            }
        }
        java.time.Instant now = java.time.Instant.now();
        List<java.time.Instant> until = filters.getOrDefault("until", List.of()).stream()
                .map(u -> Query.timestamp(u, now)).toList();
        List<String> labels = filters.getOrDefault("label", List.of());
        List<String> notLabels = filters.getOrDefault("label!", List.of());
        io.shoal.engine.content.ImagePrune pruned = engine.pruneImages(all, image ->
                until.stream().allMatch(u -> image.created() != null && image.created().isBefore(u))
                        && NodeJson.labelsMatch(image.config().labels(), labels)
                        && notLabels.stream().noneMatch(l -> NodeJson.labelsMatch(image.config().labels(), List.of(l))));
        ObjectNode out = NodeJson.object();
        ArrayNode deleted = out.putArray("ImagesDeleted");
        for (ImageRemoval r : pruned.removed()) {
            r.untagged().forEach(name -> deleted.addObject().put("Untagged", ImageReference.of(name).familiar()));
            r.deleted().forEach(id -> deleted.addObject().put("Deleted", id));
        }
        if (deleted.isEmpty()) {
            out.putNull("ImagesDeleted");
        }
        out.put("SpaceReclaimed", pruned.spaceReclaimed());
        return Blocking.json(200, out);
    }

    private HttpResponse tag(String name, Map<String, String> q) {
        String repo = q.getOrDefault("repo", "");
        if (repo.isEmpty()) {
            throw ApiException.badRequest("repository name must have at least one component");
        }
        String tag = q.getOrDefault("tag", "");
        String target = repo + ":" + (tag.isEmpty() ? "latest" : tag);
        if (ImageReference.parse(target) instanceof ImageReference.Parsed.Invalid invalid) {
            throw ApiException.badRequest(invalid.reason());
        }
        find(name);
        engine.tag(name, target);
        return Blocking.empty(201);
    }

    /** {@code POST /images/create?fromImage=busybox&tag=latest}: Docker's JSON progress stream of the pull. */
    private CompletionStage<HttpResponse> pull(HttpRequest request, Map<String, String> q) {
        String from = q.getOrDefault("fromImage", "");
        if (from.isEmpty()) {
            return CompletableFuture.completedFuture(Blocking.error(501, q.containsKey("fromSrc")
                    ? "importing a root filesystem (docker import) is not supported" : "fromImage is required"));
        }
        String tag = q.getOrDefault("tag", "");
        String reference = tag.isEmpty() ? from : from + (tag.startsWith("sha256:") ? "@" : ":") + tag;
        return progressStream(request, (auth, out) -> {
            ImageReference ref = ImageReference.of(reference);
            out.first(NodeJson.object().put("status", "Pulling from " + ref.path().replaceFirst("^library/", ""))
                    .put("id", ref.tag() != null ? ref.tag() : ref.digest()));
            PullResult result = transfer.pull(reference, auth, p -> out.raw(p.toDockerJson()));
            out.line(NodeJson.object().put("status", "Digest: " + result.digest()));
            out.line(NodeJson.object().put("status", result.status(ref.familiar())));
        });
    }

    /** {@code POST /images/{name}/push?tag=x}: Docker's JSON progress stream of the push. */
    private CompletionStage<HttpResponse> push(HttpRequest request, String name, Map<String, String> q) {
        String tag = q.getOrDefault("tag", "");
        String reference = tag.isEmpty() ? name : name + ":" + tag;
        return progressStream(request, (auth, out) -> {
            ImageReference ref = ImageReference.of(reference);
            out.first(NodeJson.object().put("status", "The push refers to repository [" + ref.name() + "]"));
            PushResult result = transfer.push(reference, auth, p -> out.raw(p.toDockerJson()));
            out.line(NodeJson.object().put("status", result.message()));
            ObjectNode aux = NodeJson.object();
            aux.putObject("progressDetail");
            aux.putObject("aux").put("Tag", result.tag()).put("Digest", result.digest().toString())
                    .put("Size", result.size());
            out.line(aux);
        });
    }

    /**
     * Writes JSON message lines; the first one written decides that failures from then on go in the stream.
     * {@link #first} is held back until something else is written, so a failure before any transfer is an HTTP error.
     */
    interface Lines {
        void first(ObjectNode message);

        void line(ObjectNode message);

        void raw(String json);
    }

    interface Transfer {
        void run(AuthConfig auth, Lines out) throws java.io.IOException;
    }

    /**
     * Runs a pull or push; answers with an HTTP error while nothing was sent yet (so a missing image is a 404 the
     * CLI understands), then as Docker does, with an {@code error} line in the stream.
     */
    private CompletionStage<HttpResponse> progressStream(HttpRequest request, Transfer work) {
        CompletableFuture<HttpResponse> response = new CompletableFuture<>();
        OutputPipe pipe = new OutputPipe(materializer);
        HttpResponse streaming = HttpResponse.create().withEntity(
                HttpEntities.createChunked(ContentTypes.APPLICATION_JSON, pipe.source()));
        Lines lines = new Lines() {
            private ObjectNode held;

            @Override
            public void first(ObjectNode message) {
                held = message;
            }

            @Override
            public void line(ObjectNode message) {
                raw(message.toString());
            }

            @Override
            public void raw(String json) {
                response.complete(streaming);
                if (held != null) {
                    pipe.write(ByteString.fromString(held + "\r\n"));
                    held = null;
                }
                pipe.write(ByteString.fromString(json + "\r\n"));
            }
        };
        blocking.executor().execute(() -> {
            try {
                String header = request.getHeader("X-Registry-Auth").map(h -> h.value()).orElse("");
                AuthConfig auth = header.isEmpty() ? AuthConfig.anonymous() : AuthConfig.fromHeader(header);
                work.run(auth, lines);
            } catch (Exception e) {
                int status = e instanceof RegistryException r ? r.kind().status()
                        : e instanceof ApiException a ? a.status() : 500;
                if (!response.complete(Blocking.error(status, e.getMessage()))) {
                    ObjectNode err = NodeJson.object();
                    err.putObject("errorDetail").put("message", e.getMessage());
                    err.put("error", e.getMessage());
                    pipe.write(ByteString.fromString(err + "\r\n"));
                }
            } finally {
                response.complete(streaming);
                pipe.close();
            }
        });
        return response;
    }
}
