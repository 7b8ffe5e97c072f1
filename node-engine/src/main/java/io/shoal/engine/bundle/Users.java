package io.shoal.engine.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves Docker's {@code User} ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) against the
 * text of the image's {@code /etc/passwd} and {@code /etc/group}, as runc's {@code user.GetExecUser} does. Pure.
 */
public final class Users {

    public record Resolved(long uid, long gid, List<Long> additionalGids, String home) {
        public static final Resolved ROOT = new Resolved(0, 0, List.of(), "/root");
    }

    /** Resolved, or the reason it could not be. */
    public sealed interface Lookup {
        record Found(Resolved user) implements Lookup { }

        record NotFound(String reason) implements Lookup { }
    }

    private Users() {
    }

    public static Lookup resolve(String spec, String passwd, String group) {
        if (spec == null || spec.isEmpty()) {
            spec = "0";
        }
        String[] parts = spec.split(":", 2);
        String userPart = parts[0];
        long uid;
        long gid;
        String home = "/";
        String name = null;
        Optional<String[]> entry = find(passwd, userPart, 2);
        if (entry.isPresent()) {
            String[] e = entry.get();
            name = e[0];
            uid = Long.parseLong(e[2]);
            gid = Long.parseLong(e[3]);
            home = e.length > 5 ? e[5] : "/";
        } else if (isNumber(userPart)) {
            uid = Long.parseLong(userPart);
            gid = uid == 0 ? 0 : uid;
        } else {
            return new Lookup.NotFound("unable to find user " + userPart + ": no matching entries in passwd file");
        }
        if (parts.length == 2) {
            Optional<String[]> g = find(group, parts[1], 2);
            if (g.isPresent()) {
                gid = Long.parseLong(g.get()[2]);
            } else if (isNumber(parts[1])) {
                gid = Long.parseLong(parts[1]);
            } else {
                return new Lookup.NotFound("unable to find group " + parts[1] + ": no matching entries in group file");
            }
        }
        List<Long> extra = new ArrayList<>();
        if (name != null && group != null) {
            for (String line : group.split("\n")) {
                String[] g = line.split(":", -1);
                if (g.length >= 4 && !g[3].isEmpty() && List.of(g[3].split(",")).contains(name) && isNumber(g[2])) {
                    long id = Long.parseLong(g[2]);
                    if (id != gid) {
                        extra.add(id);
                    }
                }
            }
        }
        return new Lookup.Found(new Resolved(uid, gid, List.copyOf(extra), home));
    }

    private static Optional<String[]> find(String file, String key, int idField) {
        if (file == null) {
            return Optional.empty();
        }
        for (String line : file.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length > idField && (f[0].equals(key) || f[idField].equals(key)) && isNumber(f[idField])) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
