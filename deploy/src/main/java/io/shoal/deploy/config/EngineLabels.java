package io.shoal.deploy.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The daemon's {@code --label KEY=VALUE} flags (dockerd's engine labels), checked once at start. */
public final class EngineLabels {
    private EngineLabels() {}

    /** KEY=VALUE pairs; a flag without '=', with an empty key, or naming a key twice is refused with the flag's text. */
    public static Map<String, String> parse(List<String> flags) {
        Map<String, String> out = new TreeMap<>();
        for (String f : flags) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--label: expected KEY=VALUE, got \"" + f + "\"");
            }
            String key = f.substring(0, eq).strip();
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("--label: the key of \"" + f + "\" must be non-empty, without spaces");
            }
            if (out.put(key, f.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("--label: key \"" + key + "\" is given twice");
            }
        }
        return out;
    }
}
