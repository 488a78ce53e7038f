package io.tierline.access;

/** A role held within one organization. */
public record OrgRole(long orgId, Role role) {
}
