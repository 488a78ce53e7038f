package io.tierline.notify.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tierline.access.AccessManagement;
import io.tierline.access.UserRef;
import io.tierline.sla.SlaEvents.SlaBreached;
import io.tierline.sla.SlaEvents.SlaBreaches;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * SPEC §4 "notify lead": the client's team leads hear of breaches in app (one notice per round of
 * the timers, naming the ticket when there is one), and webhooks get {@code sla.breached}.
 */
@Component
class SlaNotifier {

	private static final long LEADS_CACHE_MILLIS = 30_000;

	private record Leads(List<UserRef> people, long loadedAt) {
	}

	private final Outbound outbound;
	private final AccessManagement access;
	private final Map<Long, Leads> leads = new ConcurrentHashMap<>();

	SlaNotifier(Outbound outbound, AccessManagement access) {
		this.outbound = outbound;
		this.access = access;
	}

	@EventListener
	void on(SlaBreaches e) {
		List<SlaBreached> toTell = e.breaches().stream().filter(SlaBreached::notifyLead).toList();
		if (toTell.isEmpty()) {
			return;
		}
		String client = access.organization(e.clientId()).slug();
		if (toTell.size() == 1) {
			SlaBreached b = toTell.get(0);
			outbound.inApp(leadsOf(e.clientId()), e.clientId(), "SLA_BREACHED",
					"SLA breached: " + b.clock() + " on a " + b.tier() + " ticket of " + client,
					"Due " + b.dueAt() + "; the breach is recorded on the ticket.", "/tickets/" + b.ticketId());
		}
		else {
			outbound.inApp(leadsOf(e.clientId()), e.clientId(), "SLA_BREACHED",
					"SLA breached on " + toTell.size() + " tickets of " + client,
					"Each breach is recorded on its ticket; the queue sorted by next due shows them first.",
					"/tickets?client=" + client + "&sort=due");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("breaches", toTell.stream().map(b -> Map.of("ticketId", b.ticketId(), "clock", b.clock().name(), "tier",
				b.tier().name(), "dueAt", b.dueAt().toString())).toList());
		outbound.webhook(e.clientId(), "sla.breached", data);
	}

	private List<UserRef> leadsOf(long clientId) {
		long now = System.currentTimeMillis();
		Leads cached = leads.get(clientId);
		if (cached == null || now - cached.loadedAt() > LEADS_CACHE_MILLIS) {
			cached = new Leads(access.teamLeadsOf(clientId), now);
			leads.put(clientId, cached);
		}
		return cached.people();
	}
}
