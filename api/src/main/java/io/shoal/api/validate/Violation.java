package io.shoal.api.validate;

/** One thing wrong with an input: the field path as the API names it ({@code TaskTemplate.ContainerSpec.Image}) and what is wrong. */
public record Violation(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
