package io.shoal.engine.registry;

import io.shoal.engine.content.Digest;
import io.shoal.engine.content.Image;

/**
 * A finished pull: the image as stored, the digest the registry knows the reference by (an index's digest when
 * the reference named a manifest list, else the image manifest's: Docker's {@code Digest:} line), and whether
 * anything was new ({@code Status: Downloaded newer image for …} vs {@code Image is up to date for …}).
 */
public record PullResult(Image image, Digest digest, boolean downloaded) {

    /** Docker's closing status line for {@code familiarName} ({@code busybox:latest}). */
    public String status(String familiarName) {
        return (downloaded ? "Downloaded newer image for " : "Image is up to date for ") + familiarName;
    }
}
