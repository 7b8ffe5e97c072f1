package io.shoal.engine.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235): a scheme ({@code bearer}, {@code basic}, lower-cased) and
 * its parameters ({@code realm}, {@code service}, {@code scope}, {@code error}). Pure.
 */
public record Challenge(String scheme, Map<String, String> params) {

    public Challenge {
        params = Map.copyOf(params);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** Every challenge in the given header values; unparseable text ends the value it is in. */
    public static List<Challenge> parseAll(List<String> headerValues) {
        List<Challenge> out = new ArrayList<>();
        for (String value : headerValues) {
            out.addAll(parse(value));
        }
        return out;
    }

    /** The challenges of one header value: {@code Bearer realm="https://a/token",service="b",scope="c"}. */
    public static List<Challenge> parse(String value) {
        List<Challenge> out = new ArrayList<>();
        Cursor c = new Cursor(value);
        while (true) {
            c.skip(" ,\t");
            String scheme = c.token();
            if (scheme.isEmpty()) {
                return out;
            }
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                c.skip(" \t");
                int mark = c.pos;
                String key = c.token();
                c.skip(" \t");
                if (key.isEmpty() || !c.eat('=')) {
                    c.pos = mark;
                    break;
                }
                c.skip(" \t");
                params.put(key.toLowerCase(Locale.ROOT), c.peek() == '"' ? c.quoted() : c.token());
                c.skip(" \t");
                if (!c.eat(',')) {
                    break;
                }
            }
            out.add(new Challenge(scheme.toLowerCase(Locale.ROOT), params));
        }
    }

    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s == null ? "" : s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return atEnd() ? 0 : s.charAt(pos);
        }

        boolean eat(char ch) {
            if (peek() == ch) {
                pos++;
                return true;
            }
            return false;
        }

        void skip(String chars) {
            while (!atEnd() && chars.indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (!atEnd() && " \t,=\"".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String quoted() {
            StringBuilder b = new StringBuilder();
            pos++;
            while (!atEnd() && s.charAt(pos) != '"') {
                char ch = s.charAt(pos++);
                if (ch == '\\' && !atEnd()) {
                    ch = s.charAt(pos++);
                }
                b.append(ch);
            }
            pos = Math.min(pos + 1, s.length());
            return b.toString();
        }
    }
}
