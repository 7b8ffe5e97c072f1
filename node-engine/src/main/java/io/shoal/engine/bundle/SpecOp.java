package io.shoal.engine.bundle;

import java.util.List;

/**
 * One edit of a {@link RuntimeSpec}: pure, no I/O, so a container's spec is the fold of a list of them over
 * {@link SpecOps#defaults()} and a test can check each alone (containerd's {@code oci.SpecOpts}).
 */
@FunctionalInterface
public interface SpecOp {
    void apply(RuntimeSpec spec);

    static RuntimeSpec build(List<SpecOp> ops) {
        RuntimeSpec spec = new RuntimeSpec();
        SpecOps.defaults().apply(spec);
        for (SpecOp op : ops) {
            op.apply(spec);
        }
        return spec;
    }

    default SpecOp andThen(SpecOp next) {
        return spec -> {
            apply(spec);
            next.apply(spec);
        };
    }
}
