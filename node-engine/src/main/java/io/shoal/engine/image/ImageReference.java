package io.shoal.engine.image;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Docker image reference normalised as Docker's {@code ParseNormalizedNamed} + {@code TagNameOnly} do:
 * {@code busybox} is {@code docker.io/library/busybox:latest}; {@code host:5000/ns/name:tag@sha256:…} keeps
 * both its tag and its digest. {@code tag} is null when only a digest was given.
 */
public record ImageReference(String domain, String path, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final String LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}");
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");
    private static final int NAME_MAX = 255;

    /** The outcome of parsing user text: a reference or the reason it is not one (rule 16). */
    public sealed interface Parsed {
        record Valid(ImageReference reference) implements Parsed { }
        record Invalid(String input, String reason) implements Parsed { }
    }

    public static Parsed parse(String input) {
        if (input == null || input.isEmpty()) {
            return new Parsed.Invalid(String.valueOf(input), "invalid reference format: empty");
        }
        if (HEX64.matcher(input).matches()) {
            return new Parsed.Invalid(input, "invalid repository name (" + input
                    + "), cannot specify 64-byte hexadecimal strings");
        }
        String rest = input;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                return new Parsed.Invalid(input, "invalid reference format: bad digest");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return new Parsed.Invalid(input, "invalid reference format: bad tag");
            }
        }
        String domain;
        String path;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? "" : rest.substring(0, slash);
        if (slash < 0 || (first.indexOf('.') < 0 && first.indexOf(':') < 0
                && !first.equals("localhost") && first.toLowerCase().equals(first))) {
            domain = DOCKER_HUB;
            path = rest;
        } else {
            domain = first;
            path = rest.substring(slash + 1);
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        if (domain.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
            path = "library/" + path;
        }
        if (!path.toLowerCase().equals(path)) {
            return new Parsed.Invalid(input, "invalid reference format: repository name must be lowercase");
        }
        if (!PATH.matcher(path).matches() || !DOMAIN.matcher(domain).matches()) {
            return new Parsed.Invalid(input, "invalid reference format");
        }
        if (domain.length() + 1 + path.length() > NAME_MAX) {
            return new Parsed.Invalid(input, "invalid reference format: repository name must not be more than "
                    + NAME_MAX + " characters");
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new Parsed.Valid(new ImageReference(domain, path, tag, digest));
    }

    /** Parses text the caller already trusts (tests, constants); throws on bad input. */
    public static ImageReference of(String input) {
        Parsed parsed = parse(input);
        if (parsed instanceof Parsed.Valid valid) {
            return valid.reference();
        }
        throw new IllegalArgumentException(((Parsed.Invalid) parsed).reason());
    }

    /** {@code docker.io/library/busybox} */
    public String name() {
        return domain + "/" + path;
    }

    /** The manifest reference to ask a registry for: the digest when pinned, else the tag. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }

    public Optional<String> digestValue() {
        return Optional.ofNullable(digest);
    }

    /** The short form Docker prints: {@code busybox:latest}, {@code host:5000/ns/name:tag}. */
    public String familiar() {
        String name = name();
        if (domain.equals(DOCKER_HUB)) {
            name = path.startsWith("library/") ? path.substring("library/".length()) : path;
        }
        return name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    @Override
    public String toString() {
        return name() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
