package io.shoal.engine.layer;

/** A layer entry would write outside its directory (.., absolute links, through a symlink): refused. */
public final class UnsafeLayerException extends java.io.IOException {
    public UnsafeLayerException(String message) {
        super(message);
    }
}
