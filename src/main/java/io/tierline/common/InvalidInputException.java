package io.tierline.common;

import java.util.List;

/** Bad input: becomes a 422 problem detail listing every offending field. */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
		this.problems = List.copyOf(problems);
	}

	public static InvalidInputException of(String field, String message) {
		return new InvalidInputException(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}
}
