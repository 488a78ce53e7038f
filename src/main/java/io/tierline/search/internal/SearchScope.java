package io.tierline.search.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.Role;

import org.springframework.stereotype.Component;

/**
 * Which clients' documents a caller may search (SPEC §1: cross-client leakage is the worst bug).
 * Staff search the clients they work for or read whole; a requester searches only the PUBLIC,
 * PUBLISHED articles of the clients they are a requester of.
 */
@Component
class SearchScope {

	private final AccessManagement access;

	SearchScope(AccessManagement access) {
		this.access = access;
	}

	/** @param requesterOnly the caller is no staff: articles for requesters only */
	record Reach(List<ClientRef> clients, boolean requesterOnly) {

		Set<Long> clientIds() {
			Set<Long> ids = new LinkedHashSet<>();
			clients.forEach(c -> ids.add(c.id()));
			return ids;
		}
	}

	Reach of(Caller caller) {
		if (caller.isStaff()) {
			return new Reach(access.clients().stream()
				.filter(c -> !c.provider() && (caller.readsWholeClient(c.id()) || caller.worksFor(c.id())))
				.toList(), false);
		}
		return new Reach(access.clients().stream().filter(c -> !c.provider() && caller.has(Role.REQUESTER, c.id())).toList(), true);
	}
}
