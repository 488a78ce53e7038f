package io.tierline.common;

/** One offending input field of a request, as reported in a problem detail's {@code errors}. */
public record FieldProblem(String field, String message) {
}
