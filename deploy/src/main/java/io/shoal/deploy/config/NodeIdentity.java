package io.shoal.deploy.config;

import io.shoal.manager.state.IdGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/** This node's id: made once and kept in {@code DATA_ROOT/node-id}, so a restart is the same node. */
public final class NodeIdentity {
    private NodeIdentity() {}

    public static String loadOrCreate(Path dataRoot) throws IOException {
        Path file = dataRoot.resolve("node-id");
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!id.matches("[0-9a-z]{25}")) {
                throw new IOException(file + ": not a node id: \"" + id + "\"");
            }
            return id;
        }
        String id = IdGenerator.random(new SecureRandom()).next();
        Path tmp = Files.createTempFile(dataRoot, "node-id", ".tmp");
        Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }
}
