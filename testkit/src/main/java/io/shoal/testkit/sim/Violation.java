package io.shoal.testkit.sim;

/** An invariant that failed after a step, with enough detail to find the cause from the seed. */
public record Violation(long seed, int step, String invariant, String detail) {

    @Override
    public String toString() {
        return "seed " + seed + " step " + step + ": " + invariant + ": " + detail;
    }
}
