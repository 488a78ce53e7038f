package io.tierline.ticket.internal;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.ticket.TicketScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What other modules need to see of tickets as staff: the scope of a caller and a ticket's text. */
@Component
public class TicketStaffView {

	private final Tickets tickets;
	private final TicketGuard guard;
	private final AccessManagement access;
	private final JdbcClient jdbc;

	TicketStaffView(Tickets tickets, TicketGuard guard, AccessManagement access, JdbcClient jdbc) {
		this.tickets = tickets;
		this.guard = guard;
		this.access = access;
		this.jdbc = jdbc;
	}

	public boolean isStaffOn(Caller caller, long ticketId) {
		return tickets.find(ticketId).map(t -> guard.isStaffOn(caller, t)).orElse(false);
	}

	public TicketScope scope(Caller caller) {
		var visibility = TicketVisibility.asStaff(caller, access.clients());
		return new TicketScope(visibility.sql(), visibility.params());
	}

	public String text(long ticketId, int maxChars) {
		StringBuilder text = new StringBuilder();
		jdbc.sql("select subject, description from tickets where id = ?").param(ticketId).query(rs -> {
			text.append(rs.getString(1)).append('\n');
			if (rs.getString(2) != null) {
				text.append(rs.getString(2)).append('\n');
			}
		});
		// newest first: when the text is cut, what was said last (the current problem) is kept
		jdbc.sql("select body from messages where ticket_id = ? and state <> 'REJECTED' order by id desc limit 200")
			.param(ticketId)
			.query(rs -> {
				if (text.length() < maxChars) {
					text.append(rs.getString(1)).append('\n');
				}
			});
		return text.length() > maxChars ? text.substring(0, maxChars) : text.toString();
	}
}
