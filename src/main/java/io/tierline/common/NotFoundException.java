package io.tierline.common;

/**
 * 404. Also what a caller gets for a resource outside their grants: SPEC §1 forbids
 * revealing that it exists.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}
}
