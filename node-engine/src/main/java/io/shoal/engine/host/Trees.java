package io.shoal.engine.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;

/** Removal of the directory trees the engine owns (a container's, a layer's, a volume's, runc's state). */
public final class Trees {

    private Trees() {
    }

    /**
     * Deletes {@code path} and, if it is a directory, everything below it, deepest first, never following a
     * symbolic link (a link is removed, not what it points to). Nothing to do if it does not exist.
     */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
