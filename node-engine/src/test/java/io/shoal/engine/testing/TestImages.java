package io.shoal.engine.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.engine.content.Digest;
import io.shoal.engine.image.MediaTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes OCI image layouts without Shoal's code, straight from the spec: the layers given (bottom first),
 * a config whose diff ids are the sha256 of each uncompressed layer, and index.json naming the tag.
 */
public final class TestImages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestImages() {
    }

    /** A layer tar holding Debian's busybox-static as /bin/busybox with sh, true, sleep… as symlinks. */
    public static byte[] busyboxLayer() throws IOException {
        Tars t = new Tars().dir("bin", 0755).file("bin/busybox", 0755, Path.of("/bin/busybox"));
        for (String applet : List.of("sh", "true", "false", "sleep", "cat", "echo", "hostname", "ls", "touch",
                "mount", "id", "dd", "head", "ps", "env", "pwd", "wc", "kill", "yes", "seq")) {
            t.symlink("bin/" + applet, "busybox");
        }
        return t.dir("etc", 0755).file("etc/passwd", 0644, "root:x:0:0:root:/root:/bin/sh\n"
                + "nobody:x:65534:65534:nobody:/:/bin/false\n")
                .file("etc/group", 0644, "root:x:0:\nnogroup:x:65534:\n")
                .dir("tmp", 01777).dir("proc", 0755).dir("sys", 0755).dir("dev", 0755).dir("root", 0700)
                .bytes();
    }

    /** Writes a layout at {@code dir} with {@code layers} gzipped, tagged {@code tag}. Returns the manifest digest. */
    public static Digest writeLayout(Path dir, String tag, List<byte[]> layers, List<String> cmd) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        ObjectNode c = config.putObject("config");
        c.putArray("Env").add("PATH=/bin");
        ArrayNode cmdNode = c.putArray("Cmd");
        cmd.forEach(cmdNode::add);
        config.putObject("rootfs").put("type", "layers");
        ArrayNode diffIds = ((ObjectNode) config.get("rootfs")).putArray("diff_ids");
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        ArrayNode layerNodes = manifest.putArray("layers");
        for (byte[] layer : layers) {
            diffIds.add(Digest.of(layer).toString());
            byte[] gz = gzip(layer);
            layerNodes.add(descriptor(MediaTypes.OCI_LAYER_GZIP, blob(dir, gz), gz.length));
        }
        byte[] configBytes = JSON.writeValueAsBytes(config);
        manifest.set("config", descriptor(MediaTypes.OCI_CONFIG, blob(dir, configBytes), configBytes.length));
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        Digest manifestDigest = blob(dir, manifestBytes);
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        ObjectNode entry = descriptor(MediaTypes.OCI_MANIFEST, manifestDigest, manifestBytes.length);
        entry.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
        index.putArray("manifests").add(entry);
        Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
        return manifestDigest;
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private static Digest blob(Path dir, byte[] bytes) throws IOException {
        Digest d = Digest.of(bytes);
        Files.write(dir.resolve("blobs/sha256").resolve(d.hex()), bytes);
        return d;
    }

    private static ObjectNode descriptor(String mediaType, Digest digest, long size) {
        ObjectNode n = JSON.createObjectNode();
        n.put("mediaType", mediaType);
        n.put("digest", digest.toString());
        n.put("size", size);
        return n;
    }
}
