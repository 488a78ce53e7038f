package io.tierline.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.UserRef;
import io.tierline.ticket.TicketHistory.ImportedEvent;
import io.tierline.ticket.TicketHistory.ImportedTicket;

/**
 * Turns the names of a parsed line into ids for one import run, remembering what it looked up.
 * Tenant isolation: a client the caller does not administer is "unknown", and people of another
 * client cannot act on this client's tickets.
 *
 * Used by several parser threads at once: every lookup is remembered in a concurrent map, and a
 * requester is created once however many lines name them at the same time.
 *
 * Staff named as actors or assignees must already be users (create their accounts first): an
 * unknown one rejects the line rather than inventing a staff account. Requesters are found or
 * created like on first contact.
 */
final class ImportDirectory {

	private final AccessManagement access;
	private final Caller caller;
	private final Map<String, Optional<ClientRef>> clients = new ConcurrentHashMap<>();
	private final Map<String, Optional<Long>> categories = new ConcurrentHashMap<>();
	private final Map<String, UserRef> requesters = new ConcurrentHashMap<>();
	private final Map<String, Optional<UserRef>> users = new ConcurrentHashMap<>();
	private final Map<Long, Boolean> providers = new ConcurrentHashMap<>();

	ImportDirectory(AccessManagement access, Caller caller) {
		this.access = access;
		this.caller = caller;
	}

	static boolean administers(Caller caller, ClientRef client) {
		return caller.hasScope("admin") && (caller.isProviderAdmin() || caller.isClientAdmin(client.id()));
	}

	ClientRef client(String slug) {
		return clients.computeIfAbsent(slug, s -> access.clientBySlug(s).filter(c -> administers(caller, c)))
			.orElseThrow(() -> new BadLine("client '" + slug + "' is unknown or you may not import into it"));
	}

	ImportedTicket resolve(ParsedTicket line, ClientRef client) {
		Long category = line.category() == null ? null : categories
			.computeIfAbsent(client.id() + "/" + line.category(), k -> access.categoryId(client.id(), line.category()))
			.orElseThrow(() -> new BadLine("category '" + line.category() + "' is unknown for client " + client.slug()));
		UserRef requester = requesters.computeIfAbsent(client.id() + "/" + line.requesterEmail(),
				k -> access.requesterFor(client.id(), line.requesterEmail(), line.requesterName()));
		List<ImportedEvent> events = new ArrayList<>(line.events().size());
		for (var e : line.events()) {
			Long actor = e.actor() == null ? null : person(e.actor(), client, requester, "actor").id();
			Long assignee = e.assignee() == null ? null : person(e.assignee(), client, null, "assignee").id();
			events.add(new ImportedEvent(e.type(), e.at(), actor, assignee, e.facts(), e.body()));
		}
		return new ImportedTicket(client.id(), line.externalId(), requester.id(), line.subject(), line.channel(),
				line.severity(), category, line.createdAt(), line.followUpOf(), events);
	}

	/** The ticket's requester, or a user of the client or of the provider. */
	private UserRef person(String email, ClientRef client, UserRef requester, String role) {
		if (requester != null && requester.email().equalsIgnoreCase(email)) {
			return requester;
		}
		UserRef user = users.computeIfAbsent(email, access::userByEmail)
			.orElseThrow(() -> new BadLine(role + " " + email + " is not a Tierline user (create staff accounts before importing)"));
		boolean provider = providers.computeIfAbsent(user.orgId(), id -> access.organization(id).provider());
		if (user.orgId() != client.id() && !provider) {
			throw new BadLine(role + " " + email + " belongs to another organization");
		}
		return user;
	}
}
