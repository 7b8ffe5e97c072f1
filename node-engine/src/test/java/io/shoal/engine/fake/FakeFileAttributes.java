package io.shoal.engine.fake;

import io.shoal.engine.host.FileAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records what only root may do: owners, full modes, device nodes, opaque dirs and spread ones. A device node is stood in
 * for by an empty regular file, so later entries see the name taken, as they would on the real filesystem.
 */
public final class FakeFileAttributes implements FileAttributes {
    public final Map<Path, String> owners = new ConcurrentHashMap<>();
    public final Map<Path, Integer> modes = new ConcurrentHashMap<>();
    public final Map<Path, String> nodes = new ConcurrentHashMap<>();
    public final Map<Path, Boolean> opaque = new ConcurrentHashMap<>();
    public final Map<Path, Boolean> spread = new ConcurrentHashMap<>();

    @Override
    public void chmod(Path path, int mode) {
        modes.put(path, mode);
    }

    @Override
    public void lchown(Path path, long uid, long gid) {
        owners.put(path, uid + ":" + gid);
    }

    @Override
    public void mknod(Path path, char type, int mode, long major, long minor) throws IOException {
        Files.createFile(path);
        nodes.put(path, type + " " + major + ":" + minor);
    }

    @Override
    public void markOpaque(Path dir) {
        opaque.put(dir, true);
    }

    @Override
    public boolean spreadSubdirectories(Path dir) {
        spread.put(dir, true);
        return true;
    }
}
