package io.tierline.escalation.internal;

import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.ForbiddenException;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;

import org.springframework.stereotype.Component;

/**
 * Who may do what with a client's known issues. Reading is for the client's staff (agents with
 * a grant on it, its admins and auditors, the provider admin); anybody else is told the issue
 * does not exist (SPEC §1). Editing is for diagnosing tiers (T2, T3) and admins; SHADOW agents
 * and auditors only read.
 */
@Component
public class KnownIssueAccess {

	private final AccessManagement access;

	KnownIssueAccess(AccessManagement access) {
		this.access = access;
	}

	public boolean mayRead(Caller caller, long clientId) {
		return caller.readsWholeClient(clientId) || caller.worksFor(clientId);
	}

	/** The issue, or "not found" exactly as for a missing one when the caller may not read it. */
	public KnownIssue readable(Caller caller, KnownIssue issue, long id) {
		if (issue == null || !mayRead(caller, issue.clientId())) {
			throw new NotFoundException("Known issue " + id);
		}
		return issue;
	}

	/** Clients whose library the caller reads. */
	public List<ClientRef> readableClients(Caller caller) {
		return access.clients().stream().filter(c -> !c.provider() && mayRead(caller, c.id())).toList();
	}

	/** Clients whose library the caller may add to (for the "new" form). */
	public List<ClientRef> editableClients(Caller caller) {
		return readableClients(caller).stream().filter(c -> mayEdit(caller, c.id())).toList();
	}

	public boolean mayEdit(Caller caller, long clientId) {
		try {
			requireEdit(caller, clientId);
			return true;
		}
		catch (ForbiddenException e) {
			return false;
		}
	}

	/** Creating and editing: T2 or T3 agents of the client, its admins, the provider admin. */
	public void requireEdit(Caller caller, long clientId) {
		caller.requireMayChangeTicketsOf(clientId);
		if (caller.isProviderAdmin() || caller.isClientAdmin(clientId)) {
			return;
		}
		boolean diagnoses = caller.grants().stream()
			.anyMatch(g -> g.clientId() == clientId && (g.tier() == Tier.T2 || g.tier() == Tier.T3));
		if (!diagnoses) {
			throw new ForbiddenException("Only T2 and T3 agents of this client and admins edit its known issues; you may link tickets to them");
		}
	}

	/** Deleting: the client's admins and the provider admin. */
	public void requireDelete(Caller caller, long clientId) {
		if (!caller.isProviderAdmin() && !caller.isClientAdmin(clientId)) {
			throw new ForbiddenException("Only an admin of this client deletes its known issues");
		}
	}

	/** Linking a ticket and replying to linked tickets: anybody who may change the client's tickets (not SHADOW, not auditors). */
	public void requireWork(Caller caller, long clientId) {
		caller.requireMayChangeTicketsOf(clientId);
	}

	public boolean mayWork(Caller caller, long clientId) {
		try {
			requireWork(caller, clientId);
			return true;
		}
		catch (ForbiddenException e) {
			return false;
		}
	}
}
