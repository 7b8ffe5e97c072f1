package io.shoal.deploy.config;

import io.shoal.api.model.ResourceObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The daemon's {@code --node-generic-resource KIND=VALUE} flags (dockerd's {@code node-generic-resources}): a VALUE
 * of digits is a discrete count ({@code ssd=2}), anything else one named resource ({@code gpu=GPU-0b1c}, repeated
 * for each id). Kinds reach containers as {@code DOCKER_RESOURCE_<KIND>} variables, so both parts are checked.
 */
public final class GenericResources {
    private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern NAMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    private GenericResources() {}

    public static List<ResourceObject.GenericResource> parse(List<String> flags) {
        List<ResourceObject.GenericResource> out = new ArrayList<>();
        Set<String> discrete = new HashSet<>();
        Set<String> named = new HashSet<>();
        Set<String> namedKinds = new HashSet<>();
        for (String f : flags) {
            int eq = f.indexOf('=');
            String kind = eq < 0 ? f : f.substring(0, eq);
            String value = eq < 0 ? "" : f.substring(eq + 1);
            if (!KIND.matcher(kind).matches()) {
                throw new IllegalArgumentException("--node-generic-resource: expected KIND=VALUE with KIND of letters, digits, '_', '.', '-' "
                        + "(starting with a letter), got \"" + f + "\"");
            }
            if (value.matches("[0-9]{1,18}")) {
                long count = Long.parseLong(value);
                if (count < 1) {
                    throw new IllegalArgumentException("--node-generic-resource: the count of \"" + f + "\" must be at least 1");
                }
                if (namedKinds.contains(kind) || !discrete.add(kind)) {
                    throw new IllegalArgumentException("--node-generic-resource: kind \"" + kind + "\" is given more than once as a count, or both as a count and by name");
                }
                out.add(new ResourceObject.GenericResource(null, new ResourceObject.DiscreteResourceSpec(kind, count)));
            } else {
                if (!NAMED.matcher(value).matches()) {
                    throw new IllegalArgumentException("--node-generic-resource: the value of \"" + f
                            + "\" must be a count or an id of letters, digits, '_', '.', ':', '-'");
                }
                if (discrete.contains(kind) || !named.add(kind + "=" + value)) {
                    throw new IllegalArgumentException("--node-generic-resource: \"" + f + "\" is given twice, or its kind also as a count");
                }
                namedKinds.add(kind);
                out.add(new ResourceObject.GenericResource(new ResourceObject.NamedResourceSpec(kind, value), null));
            }
        }
        return List.copyOf(out);
    }
}
