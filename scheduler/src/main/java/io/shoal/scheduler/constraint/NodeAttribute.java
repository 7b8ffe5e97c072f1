package io.shoal.scheduler.constraint;

import io.shoal.scheduler.view.NodeView;
import java.util.Locale;
import java.util.Optional;

/**
 * A property of a node named the way Docker names it in constraints and placement preferences:
 * {@code node.id}, {@code node.hostname}, {@code node.role}, {@code node.platform.os}, {@code
 * node.platform.arch}, {@code node.labels.KEY}, {@code engine.labels.KEY}. Prefixes are matched without
 * regard to case; label keys keep theirs.
 */
public record NodeAttribute(Kind kind, String labelKey) {

    public enum Kind {
        ID,
        HOSTNAME,
        ROLE,
        OS,
        ARCH,
        NODE_LABEL,
        ENGINE_LABEL
    }

    private static final String NODE_LABELS = "node.labels.";
    private static final String ENGINE_LABELS = "engine.labels.";

    /** The attribute a key names, or empty if Docker has no such key. */
    public static Optional<NodeAttribute> parse(String key) {
        String k = key.trim();
        String lower = k.toLowerCase(Locale.ROOT);
        if (lower.startsWith(NODE_LABELS) && k.length() > NODE_LABELS.length()) {
            return Optional.of(new NodeAttribute(Kind.NODE_LABEL, k.substring(NODE_LABELS.length())));
        }
        if (lower.startsWith(ENGINE_LABELS) && k.length() > ENGINE_LABELS.length()) {
            return Optional.of(new NodeAttribute(Kind.ENGINE_LABEL, k.substring(ENGINE_LABELS.length())));
        }
        switch (lower) {
            case "node.id":
                return Optional.of(new NodeAttribute(Kind.ID, ""));
            case "node.hostname":
                return Optional.of(new NodeAttribute(Kind.HOSTNAME, ""));
            case "node.role":
                return Optional.of(new NodeAttribute(Kind.ROLE, ""));
            case "node.platform.os":
                return Optional.of(new NodeAttribute(Kind.OS, ""));
            case "node.platform.arch":
                return Optional.of(new NodeAttribute(Kind.ARCH, ""));
            default:
                return Optional.empty();
        }
    }

    /** The node's value for this attribute, or null if the node has no such label. */
    public String valueOf(NodeView node) {
        switch (kind) {
            case ID:
                return node.id();
            case HOSTNAME:
                return node.hostname();
            case ROLE:
                return node.role().label();
            case OS:
                return node.platform().os();
            case ARCH:
                return node.platform().architecture();
            case NODE_LABEL:
                return node.labels().get(labelKey);
            case ENGINE_LABEL:
                return node.engineLabels().get(labelKey);
            default:
                throw new IllegalStateException(kind.name());
        }
    }
}
