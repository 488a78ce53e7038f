package io.tierline.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.NotFoundException;
import io.tierline.ticket.TicketHistory;
import io.tierline.ticket.TicketHistory.ExportedTicket;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * SPEC §14 export: a client's tickets created in [from, to) with their whole history, one line
 * each, oldest first, read a page at a time (keyset on created_at, id) and written as they are read.
 * Tickets created in Tierline export too, their reference (ACME-1042) standing as external id.
 */
@Service
class HistoryExport {

	static final int PAGE = 200;

	private final TicketHistory history;
	private final AccessManagement access;
	private final JsonMapper json;

	HistoryExport(TicketHistory history, AccessManagement access, JsonMapper json) {
		this.history = history;
		this.access = access;
		this.json = json;
	}

	/** The client, if the caller administers it with the admin scope; any other is "not found". */
	ClientRef exportable(Caller caller, String slug) {
		return access.clientBySlug(slug).filter(c -> ImportDirectory.administers(caller, c))
			.orElseThrow(() -> new NotFoundException("Client " + slug));
	}

	List<ClientRef> administered(Caller caller) {
		return access.clients().stream().filter(c -> ImportDirectory.administers(caller, c)).toList();
	}

	/** @param from may be null (from the first ticket); {@code to} may be null (up to the last) */
	void write(ClientRef client, Instant from, Instant to, OutputStream out) throws IOException {
		Instant afterCreated = null;
		long afterId = 0;
		List<ExportedTicket> page;
		do {
			page = history.page(client, from, to, afterCreated, afterId, PAGE);
			for (ExportedTicket t : page) {
				String line = ExportLine.format(json, client.slug(), access.categorySlug(t.categoryId()), t) + "\n";
				out.write(line.getBytes(StandardCharsets.UTF_8));
			}
			if (!page.isEmpty()) {
				afterCreated = page.get(page.size() - 1).createdAt();
				afterId = page.get(page.size() - 1).id();
			}
			out.flush();
		}
		while (page.size() == PAGE);
	}
}
