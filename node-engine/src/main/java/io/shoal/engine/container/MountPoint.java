package io.shoal.engine.container;

/**
 * One mount of a container as {@code docker inspect} lists it: {@code type} is {@code bind}, {@code volume} or
 * {@code tmpfs}; {@code name} is the volume's name (empty otherwise); {@code source} the host path.
 */
public record MountPoint(String type, String name, String source, String destination, boolean readonly) {
    public MountPoint {
        name = name == null ? "" : name;
        source = source == null ? "" : source;
    }
}
