package io.shoal.engine.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreesTest {

    @Test
    void deletesATreeDeepestFirstButNotWhatItsLinksPointTo(@TempDir Path tmp) throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep"), "x");
        Path tree = Files.createDirectories(tmp.resolve("tree/a/b"));
        Files.writeString(tree.resolve("f"), "y");
        Files.createSymbolicLink(tmp.resolve("tree/a/link"), outside);
        Files.createSymbolicLink(tmp.resolve("tree/dangling"), tmp.resolve("nowhere"));

        Trees.delete(tmp.resolve("tree"));

        assertThat(tmp.resolve("tree")).doesNotExist();
        assertThat(outside.resolve("keep")).hasContent("x");
    }

    @Test
    void aFileOrALinkIsDeletedItselfAndAMissingPathIsNothingToDo(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "z");
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        Files.writeString(dir.resolve("kept"), "k");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);

        Trees.delete(file);
        Trees.delete(link);
        Trees.delete(tmp.resolve("missing"));

        assertThat(file).doesNotExist();
        assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(dir.resolve("kept")).hasContent("k");
    }
}
