package io.shoal.engine.registry;

import io.shoal.engine.content.Digest;

/** A finished push: Docker's last line, {@code <tag>: digest: <digest> size: <manifest bytes>}. */
public record PushResult(String tag, Digest digest, long size) {

    public String message() {
        return (tag == null ? digest.toString() : tag) + ": digest: " + digest + " size: " + size;
    }
}
