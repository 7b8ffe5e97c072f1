package io.shoal.engine.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-directory flag as e2fsprogs' lsattr sees it, and where there is none. */
@Tag("root")
class LinuxFilesRootTest {

    private final LinuxFiles files = new LinuxFiles();

    @Test
    void spreadsTheSubdirectoriesOfAnExt4DirectoryKeepingItsOtherFlags(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.getFileStore(tmp).type().equals("ext4"), "needs ext4 (the temp dir is on "
                + Files.getFileStore(tmp).type() + ")");
        Path dir = Files.createDirectory(tmp.resolve("containers"));
        run("chattr", "+A", dir.toString()); // no atime updates: a flag of its own that must stay
        assertThat(flags(dir)).doesNotContain("T");

        assertThat(files.spreadSubdirectories(dir)).isTrue();
        assertThat(flags(dir)).contains("T").contains("A");
        assertThat(files.spreadSubdirectories(dir)).as("set already").isTrue();
        assertThat(flags(dir)).contains("T").contains("A");
    }

    @Test
    void changesNothingWhereTheFileSystemHasNoInodeFlags(@TempDir Path tmp) throws Exception {
        Path mnt = Files.createDirectory(tmp.resolve("tmpfs"));
        LibC.INSTANCE.mount("tmpfs", mnt.toString(), "tmpfs", 0, "size=1m");
        try {
            assertThat(files.spreadSubdirectories(mnt)).isFalse();
        } finally {
            LibC.INSTANCE.umount2(mnt.toString(), LibC.MNT_DETACH);
        }
    }

    @Test
    void aMissingDirectoryIsAnErrorThatNamesIt(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing");
        assertThatThrownBy(() -> files.spreadSubdirectories(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("errno 2");
    }

    /** lsattr's flag letters of {@code dir} itself, e.g. {@code -------A-----T-e-------}. */
    private static String flags(Path dir) throws Exception {
        return run("lsattr", "-d", dir.toString()).split("\\s+")[0];
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }
}
