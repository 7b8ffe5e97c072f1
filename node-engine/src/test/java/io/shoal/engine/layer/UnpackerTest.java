package io.shoal.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.engine.content.Digest;
import io.shoal.engine.fake.FakeFileAttributes;
import io.shoal.engine.testing.Tars;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackerTest {

    @TempDir
    Path dir;

    private final FakeFileAttributes attrs = new FakeFileAttributes();
    private final Unpacker unpacker = new Unpacker(attrs);

    @Test
    void unpacksFilesLinksAndModesAndReturnsTheDiffIdOfTheUncompressedTar() throws Exception {
        byte[] tar = new Tars().dir("bin", 0755).file("bin/busybox", 04755, "ELF")
                .symlink("bin/sh", "busybox").hardlink("bin/true", "bin/busybox")
                .file("etc/passwd", 0644, "root:x:0:0::/root:/bin/sh\n").bytes();
        Digest diffId = unpacker.unpack(new ByteArrayInputStream(new Tars().dir("bin", 0755)
                .file("bin/busybox", 04755, "ELF").symlink("bin/sh", "busybox").hardlink("bin/true", "bin/busybox")
                .file("etc/passwd", 0644, "root:x:0:0::/root:/bin/sh\n").gzip()), dir);
        assertThat(diffId).isEqualTo(Digest.of(tar));
        assertThat(Files.readString(dir.resolve("bin/busybox"))).isEqualTo("ELF");
        assertThat(Files.readSymbolicLink(dir.resolve("bin/sh"))).isEqualTo(Path.of("busybox"));
        assertThat(Files.isSameFile(dir.resolve("bin/true"), dir.resolve("bin/busybox"))).isTrue();
        assertThat(attrs.modes).containsEntry(dir.resolve("bin/busybox"), 04755);
        assertThat(attrs.modes).doesNotContainKey(dir.resolve("bin/sh"));
        assertThat(attrs.owners).containsEntry(dir.resolve("etc/passwd"), "0:0");
        assertThat(Files.isDirectory(dir.resolve("etc"))).isTrue();
    }

    @Test
    void whiteoutsAndOpaqueDirsBecomeOverlayMarkers() throws Exception {
        unpacker.unpack(new ByteArrayInputStream(new Tars().dir("etc", 0755).file("etc/.wh.motd", 0, "")
                .dir("var/cache", 0755).file("var/cache/.wh..wh..opq", 0, "").bytes()), dir);
        assertThat(attrs.nodes).containsEntry(dir.resolve("etc/motd"), "c 0:0");
        assertThat(attrs.opaque).containsKey(dir.resolve("var/cache"));
        assertThat(dir.resolve("etc/.wh.motd")).doesNotExist();
    }

    @Test
    void laterEntriesReplaceEarlierOnes() throws Exception {
        unpacker.unpack(new ByteArrayInputStream(new Tars().file("a", 0644, "one").file("a", 0644, "two")
                .bytes()), dir);
        assertThat(Files.readString(dir.resolve("a"))).isEqualTo("two");
    }

    @Test
    void refusesEntriesThatEscape() throws Exception {
        byte[] dotdot = new Tars().file("../evil", 0644, "x").bytes();
        assertThatThrownBy(() -> unpacker.unpack(new ByteArrayInputStream(dotdot), dir))
                .isInstanceOf(UnsafeLayerException.class);
        byte[] viaLink = new Tars().symlink("etc", "/etc").file("etc/evil", 0644, "x").bytes();
        assertThatThrownBy(() -> unpacker.unpack(new ByteArrayInputStream(viaLink), dir.resolve("x")))
                .isInstanceOf(Exception.class);
        byte[] hardOut = new Tars().hardlink("h", "../../etc/passwd").bytes();
        assertThatThrownBy(() -> unpacker.unpack(new ByteArrayInputStream(hardOut), dir))
                .isInstanceOf(UnsafeLayerException.class);
        assertThat(dir.getParent().resolve("evil")).doesNotExist();
    }
}
