package io.shoal.scheduler.constraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses Docker constraint expressions: {@code KEY==VALUE} or {@code KEY!=VALUE}, all required. */
public final class ConstraintParser {

    private ConstraintParser() {}

    public static ConstraintParse parse(List<String> expressions) {
        List<Constraint> out = new ArrayList<>(expressions.size());
        for (String e : expressions) {
            int eq = e.indexOf("==");
            int ne = e.indexOf("!=");
            int at;
            boolean equal;
            if (eq >= 0 && (ne < 0 || eq < ne)) {
                at = eq;
                equal = true;
            } else if (ne >= 0) {
                at = ne;
                equal = false;
            } else {
                return new ConstraintParse.Invalid("invalid constraint \"" + e + "\": expected == or !=");
            }
            String key = e.substring(0, at).trim();
            String value = e.substring(at + 2).trim();
            if (value.isEmpty() || value.contains("==") || value.contains("!=")) {
                return new ConstraintParse.Invalid("invalid constraint \"" + e + "\": bad value");
            }
            Optional<NodeAttribute> attribute = NodeAttribute.parse(key);
            if (attribute.isEmpty()) {
                return new ConstraintParse.Invalid("invalid constraint \"" + e + "\": unknown key " + key);
            }
            out.add(new Constraint(attribute.get(), equal, value));
        }
        return new ConstraintParse.Valid(out);
    }
}
