package io.tierline.channel.phone;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tierline.access.ClientRef;
import io.tierline.ticket.TicketManagement;
import io.tierline.ticket.TicketView;

/** A ticket a webhook names: only ever a ticket of the client whose secret signed the delivery (SPEC §1). */
final class TicketRef {

	static final Pattern PATTERN = Pattern.compile("(?:([A-Za-z][A-Za-z0-9]*)-)?(\\d{1,12})");

	private TicketRef() {
	}

	/** Empty when the reference names another client's prefix or no ticket of this client. */
	static Optional<TicketView> find(TicketManagement tickets, ClientRef client, String ref) {
		if (ref == null) {
			return Optional.empty();
		}
		Matcher m = PATTERN.matcher(ref.strip());
		if (!m.matches() || (m.group(1) != null && !m.group(1).equalsIgnoreCase(client.ticketPrefix()))) {
			return Optional.empty();
		}
		return tickets.findByNumber(client.id(), Long.parseLong(m.group(2)));
	}
}
