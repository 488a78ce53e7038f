package io.tierline.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.Role;
import io.tierline.common.AuditEvent;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading, verifying and exporting an organization's log, for those allowed to (SPEC §1). */
@Service
class AuditReading {

	private static final int PAGE = 1000;

	private final AuditStore store;
	private final AuditSealer sealer;
	private final AccessManagement access;
	private final JsonMapper json;
	private final ApplicationEventPublisher events;

	AuditReading(AuditStore store, AuditSealer sealer, AccessManagement access, JsonMapper json,
			ApplicationEventPublisher events) {
		this.store = store;
		this.sealer = sealer;
		this.access = access;
		this.json = json;
		this.events = events;
	}

	record VerifyReport(String organization, boolean valid, long entries, long unsealed, Long firstBrokenEntry,
			Long brokenAtChainSeq, String reason) {
	}

	record AuditPage(List<AuditEntry> items, String nextCursor) {
	}

	/** Organizations whose log the caller may read. */
	List<ClientRef> readableOrganizations(Caller caller) {
		List<ClientRef> all = new ArrayList<>();
		ClientRef home = access.organization(caller.homeOrgId());
		if (home.provider()) {
			all.add(home);
		}
		all.addAll(access.clients());
		return all.stream().filter(org -> mayRead(caller, org.id())).toList();
	}

	ClientRef organization(Caller caller, String slug) {
		ClientRef org = access.organizationBySlug(slug == null ? "" : slug)
			.orElseThrow(() -> InvalidInputException.of("org", "unknown organization '" + slug + "'"));
		if (!mayRead(caller, org.id())) {
			throw new ForbiddenException("Only the organization's admins and auditors read its audit log");
		}
		return org;
	}

	AuditPage page(Caller caller, String orgSlug, Long ticketId, String cursor, int limit) {
		ClientRef org = organization(caller, orgSlug);
		Long before = parseCursor(cursor);
		List<AuditEntry> rows = store.page(org.id(), ticketId, before, limit + 1);
		String next = rows.size() > limit ? String.valueOf(rows.get(limit - 1).id()) : null;
		return new AuditPage(rows.subList(0, Math.min(limit, rows.size())), next);
	}

	List<VerifyReport> verify(Caller caller, String orgSlug) {
		List<ClientRef> orgs = orgSlug == null || orgSlug.isBlank() ? readableOrganizations(caller)
				: List.of(organization(caller, orgSlug));
		if (orgs.isEmpty()) {
			throw new ForbiddenException("Only admins and auditors verify the audit log");
		}
		return orgs.stream().map(this::verify).toList();
	}

	VerifyReport verify(ClientRef org) {
		sealer.seal(org.id());
		long expectedSeq = 1;
		String prev = AuditChain.GENESIS;
		long count = 0;
		List<AuditEntry> page = store.chainPage(org.id(), 0, PAGE);
		while (!page.isEmpty()) {
			for (AuditEntry e : page) {
				String reason = e.chainSeq() != expectedSeq ? "entry " + expectedSeq + " of the chain is missing"
						: !prev.equals(e.prevHash()) ? "does not link to the entry before it"
						: !AuditChain.hash(e, e.chainSeq(), e.prevHash()).equals(e.hash()) ? "content does not match its hash" : null;
				if (reason != null) {
					return new VerifyReport(org.slug(), false, count, store.unsealedCount(org.id()), e.id(), expectedSeq, reason);
				}
				prev = e.hash();
				expectedSeq++;
				count++;
			}
			page = store.chainPage(org.id(), expectedSeq - 1, PAGE);
		}
		long sealed = store.sealedUpTo(org.id());
		if (expectedSeq - 1 < sealed) {
			// the tail was cut off: the head remembers entries the chain no longer holds
			return new VerifyReport(org.slug(), false, count, store.unsealedCount(org.id()), null, expectedSeq,
					"entries " + expectedSeq + " to " + sealed + " of the chain are missing");
		}
		return new VerifyReport(org.slug(), true, count, store.unsealedCount(org.id()), null, null, null);
	}

	@Transactional
	void export(Caller caller, String orgSlug, String format, OutputStream out) throws IOException {
		ClientRef org = organization(caller, orgSlug);
		boolean csv = !"jsonl".equalsIgnoreCase(format);
		sealer.seal(org.id());
		events.publishEvent(new AuditEvent(org.id(), caller.userId(), caller.email(), "AUDIT_EXPORTED", null,
				"audit:" + org.slug(), null, Map.of("format", csv ? "csv" : "jsonl")));
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		if (csv) {
			writer.write("id,chain_seq,at,organization,actor,action,ticket_id,target,before,after,prev_hash,hash\n");
		}
		long after = 0;
		List<AuditEntry> page = store.chainPage(org.id(), after, PAGE);
		while (!page.isEmpty()) {
			for (AuditEntry e : page) {
				writer.write(csv ? csvLine(org, e) : json.writeValueAsString(jsonLine(org, e)) + "\n");
				after = e.chainSeq();
			}
			writer.flush();
			page = store.chainPage(org.id(), after, PAGE);
		}
		writer.flush();
	}

	boolean mayRead(Caller caller, long orgId) {
		return caller.hasScope("audit") && (caller.isProviderAdmin() || caller.has(Role.CLIENT_ADMIN, orgId)
				|| caller.has(Role.AUDITOR, orgId));
	}

	private static Long parseCursor(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("cursor", "is not a cursor this API returned");
		}
	}

	private static Map<String, Object> jsonLine(ClientRef org, AuditEntry e) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("id", e.id());
		line.put("chainSeq", e.chainSeq());
		line.put("at", e.at().toString());
		line.put("organization", org.slug());
		line.put("actor", e.actor());
		line.put("action", e.action());
		line.put("ticketId", e.ticketId());
		line.put("target", e.target());
		line.put("before", e.beforeState());
		line.put("after", e.afterState());
		line.put("prevHash", e.prevHash());
		line.put("hash", e.hash());
		return line;
	}

	private static String csvLine(ClientRef org, AuditEntry e) {
		return String.join(",", String.valueOf(e.id()), String.valueOf(e.chainSeq()), e.at().toString(), csv(org.slug()),
				csv(e.actor()), csv(e.action()), e.ticketId() == null ? "" : String.valueOf(e.ticketId()), csv(e.target()),
				csv(e.beforeState()), csv(e.afterState()), e.prevHash(), e.hash()) + "\n";
	}

	private static String csv(String value) {
		if (value == null) {
			return "";
		}
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}
}
