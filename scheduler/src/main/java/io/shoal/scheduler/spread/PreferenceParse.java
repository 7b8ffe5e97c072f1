package io.shoal.scheduler.spread;

import io.shoal.scheduler.constraint.NodeAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Placement preferences parsed: the attribute of each level ({@code spread=node.labels.dc}), or an error. */
public sealed interface PreferenceParse {

    record Valid(List<NodeAttribute> levels) implements PreferenceParse {
        public Valid {
            levels = List.copyOf(levels);
        }
    }

    record Invalid(String reason) implements PreferenceParse {}

    /** Accepts {@code spread=KEY} or a bare {@code KEY}; KEY is any constraint key. */
    static PreferenceParse parse(List<String> preferences) {
        List<NodeAttribute> levels = new ArrayList<>(preferences.size());
        for (String p : preferences) {
            String descriptor = p.trim();
            if (descriptor.regionMatches(true, 0, "spread=", 0, 7)) {
                descriptor = descriptor.substring(7);
            } else if (descriptor.contains("=")) {
                return new Invalid("invalid placement preference \"" + p + "\": only spread is supported");
            }
            Optional<NodeAttribute> a = NodeAttribute.parse(descriptor);
            if (a.isEmpty()) {
                return new Invalid("invalid placement preference \"" + p + "\": unknown key " + descriptor);
            }
            levels.add(a.get());
        }
        return new Valid(levels);
    }
}
