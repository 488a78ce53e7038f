package io.tierline.access;

/** A person, by id, with the facts other modules show. */
public record UserRef(long id, String email, String name, long orgId) {
}
