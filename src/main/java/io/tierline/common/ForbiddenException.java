package io.tierline.common;

/** 403 with the reason the caller may see the resource but not do this to it. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String reason) {
		super(reason);
	}
}
