package io.shoal.engine.container;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Docker's copy-up: a new, empty volume mounted over a directory the image fills starts with the image's content
 * there (files, links, modes, owners), so {@code VOLUME /data} keeps what the image put in {@code /data}.
 */
final class VolumeCopy {

    private VolumeCopy() {
    }

    static void copyUp(Path rootfs, String destination, Path volume) throws IOException {
        Path source = rootfs.resolve(destination.substring(1)).normalize();
        if (!source.startsWith(rootfs) || !Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var entries = Files.list(volume)) {
            if (entries.findAny().isPresent()) {
                return;
            }
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = volume.resolve(source.relativize(dir).toString());
                if (!dir.equals(source)) {
                    Files.copy(dir, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, volume.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
