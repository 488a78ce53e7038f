package io.tierline.common;

/** 409: the request is well formed but the resource's state refuses it (e.g. CLOSED → OPEN). */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
