package io.shoal.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.engine.content.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Test images made without Shoal: Debian's busybox-static as a rootfs, turned into an OCI layout by umoci, copied
 * into the registry by skopeo. {@code base} is busybox alone; {@code big} adds a 4 MiB layer of random bytes on
 * top of the same base layer; {@code arm} is base's layer with an arm64 config; {@code multi} is an OCI index of
 * base (linux/amd64) and arm (linux/arm64).
 */
final class SeededImages {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String INDEX = "application/vnd.oci.image.index.v1+json";

    final Path layout;
    final Path randomFile;

    private SeededImages(Path layout, Path randomFile) {
        this.layout = layout;
        this.randomFile = randomFile;
    }

    static SeededImages build(Path dir) throws Exception {
        DebianTools.require("umoci", "umoci");
        DebianTools.require("skopeo", "skopeo");
        Path busybox = DebianTools.require("busybox", "busybox-static");
        Files.createDirectories(dir);
        Path layout = dir.resolve("oci");
        DebianTools.run(dir, "umoci", "init", "--layout", layout.toString());
        DebianTools.run(dir, "umoci", "new", "--image", layout + ":base");
        DebianTools.run(dir, "umoci", "unpack", "--rootless", "--image", layout + ":base", "bundle");
        Path rootfs = dir.resolve("bundle/rootfs");
        Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(busybox, rootfs.resolve("bin/busybox"));
        for (String applet : new String[] {"sh", "true", "echo", "cat", "ls"}) {
            Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Files.writeString(rootfs.resolve("hello.txt"), "hello from umoci\n");
        DebianTools.run(dir, "umoci", "repack", "--image", layout + ":base", "bundle");
        DebianTools.run(dir, "umoci", "config", "--image", layout + ":base", "--os", "linux", "--architecture",
                "amd64", "--config.cmd", "/bin/sh", "--config.env", "PATH=/bin");

        DebianTools.run(dir, "umoci", "tag", "--image", layout + ":base", "big");
        Path random = dir.resolve("random.bin");
        byte[] bytes = new byte[4 << 20];
        new Random(42).nextBytes(bytes);
        Files.write(random, bytes);
        DebianTools.run(dir, "umoci", "insert", "--image", layout + ":big", random.toString(), "/data/random.bin");

        DebianTools.run(dir, "umoci", "tag", "--image", layout + ":base", "arm");
        DebianTools.run(dir, "umoci", "config", "--image", layout + ":arm", "--architecture", "arm64",
                "--config.cmd", "/bin/echo");
        SeededImages images = new SeededImages(layout, random);
        images.writeIndex("multi", "base", "arm");
        return images;
    }

    /** The manifest digest umoci wrote for {@code tag}. */
    Digest manifest(String tag) throws IOException {
        for (JsonNode m : JSON.readTree(layout.resolve("index.json").toFile()).path("manifests")) {
            if (tag.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
                return Digest.parse(m.path("digest").asText());
            }
        }
        throw new AssertionError("no tag " + tag + " in " + layout);
    }

    /** skopeo copy of one tag of the layout into the registry; {@code format} null keeps OCI. */
    void push(String tag, LocalRegistry registry, String repository, String format) throws Exception {
        var argv = new java.util.ArrayList<>(java.util.List.of("skopeo", "copy", "--dest-tls-verify=false"));
        if (format != null) {
            argv.addAll(java.util.List.of("--format", format));
        } else {
            argv.add("--preserve-digests");
        }
        if (tag.equals("multi")) {
            argv.addAll(java.util.List.of("--multi-arch", "all"));
        }
        argv.add("oci:" + layout + ":" + tag);
        argv.add("docker://" + registry.domain() + "/" + repository);
        DebianTools.run(layout.getParent(), argv.toArray(String[]::new));
    }

    /** Adds an OCI index of {@code amd64Tag}'s and {@code arm64Tag}'s manifests, named {@code tag}. */
    private void writeIndex(String tag, String amd64Tag, String arm64Tag) throws IOException {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", INDEX);
        ArrayNode manifests = index.putArray("manifests");
        manifests.add(entry(manifest(arm64Tag), "arm64"));
        manifests.add(entry(manifest(amd64Tag), "amd64"));
        byte[] bytes = JSON.writeValueAsBytes(index);
        Digest digest = Digest.of(bytes);
        Files.write(layout.resolve("blobs/sha256").resolve(digest.hex()), bytes);
        ObjectNode top = (ObjectNode) JSON.readTree(layout.resolve("index.json").toFile());
        ObjectNode e = ((ArrayNode) top.get("manifests")).addObject();
        e.put("mediaType", INDEX);
        e.put("digest", digest.toString());
        e.put("size", bytes.length);
        e.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
        Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(top));
    }

    private ObjectNode entry(Digest manifest, String arch) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        n.put("digest", manifest.toString());
        n.put("size", Files.size(layout.resolve("blobs/sha256").resolve(manifest.hex())));
        n.putObject("platform").put("os", "linux").put("architecture", arch);
        return n;
    }
}
