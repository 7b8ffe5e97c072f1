package io.shoal.engine.layer;

import io.shoal.engine.content.Digest;
import io.shoal.engine.host.FileAttributes;
import io.shoal.engine.host.Trees;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks one layer tarball (plain or gzip, detected by its magic) into an empty directory in overlayfs form:
 * {@code .wh.NAME} becomes a 0:0 character device, {@code .wh..wh..opq} the opaque xattr on its directory.
 * Hard links, symlinks, ownership, full modes and mtimes are kept. Entries that would land outside the
 * directory are refused. Returns the diff id: the sha256 of the uncompressed tar.
 */
public final class Unpacker {

    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE = ".wh..wh..opq";

    private final FileAttributes attributes;

    public Unpacker(FileAttributes attributes) {
        this.attributes = attributes;
    }

    public Digest unpack(InputStream layer, Path dir) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(layer, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream tarStream = b1 == 0x1f && b2 == 0x8b ? new GzipCompressorInputStream(buffered, true) : buffered;
        MessageDigest md = Digest.sha256();
        List<Runnable> dirTimes = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new DigestInputStream(tarStream, md))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                apply(dir, entry, tar, dirTimes);
            }
            tar.transferTo(java.io.OutputStream.nullOutputStream());
        }
        for (Runnable r : dirTimes) {
            r.run();
        }
        return new Digest(HexFormat.of().formatHex(md.digest()));
    }

    private void apply(Path root, TarArchiveEntry e, InputStream content, List<Runnable> dirTimes) throws IOException {
        Path target = safeResolve(root, e.getName());
        if (target.equals(root)) {
            if (e.isDirectory()) {
                setMeta(target, e, dirTimes);
            }
            return;
        }
        Path parent = target.getParent();
        ensureParents(root, parent);
        String base = target.getFileName().toString();
        if (base.equals(OPAQUE)) {
            attributes.markOpaque(parent);
            return;
        }
        if (base.startsWith(WHITEOUT_PREFIX)) {
            Path hidden = parent.resolve(base.substring(WHITEOUT_PREFIX.length()));
            Trees.delete(hidden);
            attributes.whiteout(hidden);
            return;
        }
        if (e.isDirectory()) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Trees.delete(target);
                Files.createDirectory(target);
            }
        } else {
            Trees.delete(target);
            if (e.isSymbolicLink()) {
                Files.createSymbolicLink(target, Path.of(e.getLinkName()));
            } else if (e.isLink()) {
                Path source = safeResolve(root, e.getLinkName());
                Files.createLink(target, source);
                return;
            } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                char type = e.isCharacterDevice() ? 'c' : e.isBlockDevice() ? 'b' : 'p';
                attributes.mknod(target, type, e.getMode() & 07777, e.getDevMajor(), e.getDevMinor());
            } else {
                Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        setMeta(target, e, dirTimes);
    }

    private void setMeta(Path target, TarArchiveEntry e, List<Runnable> dirTimes) throws IOException {
        attributes.lchown(target, e.getLongUserId(), e.getLongGroupId());
        if (!e.isSymbolicLink()) {
            attributes.chmod(target, e.getMode() & 07777);
        }
        FileTime mtime = FileTime.from(e.getLastModifiedTime().toInstant());
        if (e.isDirectory()) {
            dirTimes.add(() -> setTime(target, mtime));
        } else if (!e.isSymbolicLink()) {
            setTime(target, mtime);
        }
    }

    private static void setTime(Path p, FileTime t) {
        try {
            Files.setLastModifiedTime(p, t);
        } catch (IOException ignored) {
            // an mtime is cosmetic; the content and modes are what matter
        }
    }

    /** Resolves an entry name inside {@code root}, refusing {@code ..} escapes. */
    static Path safeResolve(Path root, String name) throws UnsafeLayerException {
        Path p = root.resolve(name.startsWith("/") ? name.substring(1) : name).normalize();
        if (!p.startsWith(root)) {
            throw new UnsafeLayerException("layer entry escapes its directory: " + name);
        }
        return p;
    }

    /** Creates missing parents (0755) and refuses a parent that is a symlink: a write would follow it out. */
    private static void ensureParents(Path root, Path parent) throws IOException {
        Path rel = root.relativize(parent);
        Path cur = root;
        for (Path part : rel) {
            if (part.toString().isEmpty()) {
                continue;
            }
            cur = cur.resolve(part);
            if (Files.isSymbolicLink(cur)) {
                throw new UnsafeLayerException("layer entry goes through a symlink: " + root.relativize(cur));
            }
            if (!Files.exists(cur, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(cur);
                } catch (FileAlreadyExistsException ignored) {
                    // created meanwhile
                }
            }
        }
    }

}
