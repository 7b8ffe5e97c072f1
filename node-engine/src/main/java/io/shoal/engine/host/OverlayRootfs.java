package io.shoal.engine.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A container's root filesystem: overlayfs of the image's read-only layer directories ({@code lowers}, topmost
 * first) and the container's own {@code upper} and {@code work} (one filesystem), mounted at {@code target}.
 */
public record OverlayRootfs(List<Path> lowers, Path upper, Path work, Path target) {

    public OverlayRootfs {
        lowers = List.copyOf(lowers);
    }

    /** The data argument of mount(2) for it; refused if a path holds a separator or the whole passes a page. */
    public String mountData() throws IOException {
        for (Path p : lowers) {
            if (p.toString().contains(",") || p.toString().contains(":")) {
                throw new IOException("overlay lower dir has a separator in its path: " + p);
            }
        }
        for (Path p : List.of(upper, work)) {
            if (p.toString().contains(",")) {
                throw new IOException("overlay dir has a separator in its path: " + p);
            }
        }
        String data = "lowerdir=" + lowers.stream().map(Path::toString).collect(Collectors.joining(":"))
                + ",upperdir=" + upper + ",workdir=" + work;
        if (data.length() >= 4096) {
            throw new IOException("overlay mount options exceed a page (" + data.length() + " bytes)");
        }
        return data;
    }
}
