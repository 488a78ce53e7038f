package io.tierline.ticket.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tierline.access.Caller;
import io.tierline.access.ClientRef;

/**
 * The SQL form of SPEC §1 least privilege: which ticket rows a caller may see. Grants with the
 * same client, queue and category are folded into one {@code tier in (…)} term, so the predicate
 * stays short enough for the planner to walk an index in queue order.
 */
record TicketVisibility(String sql, Map<String, Object> params) {

	static TicketVisibility of(Caller caller, List<ClientRef> clients, Long onlyClientId) {
		return of(caller, clients, onlyClientId, true);
	}

	/** What the caller sees as staff: their grants and whole-client reads, not tickets they asked as a requester. */
	static TicketVisibility asStaff(Caller caller, List<ClientRef> clients) {
		return of(caller, clients, null, false);
	}

	private static TicketVisibility of(Caller caller, List<ClientRef> clients, Long onlyClientId, boolean ownAsRequester) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> terms = new ArrayList<>();
		List<Long> wholeClients = clients.stream().map(ClientRef::id)
			.filter(id -> (onlyClientId == null || id.equals(onlyClientId)) && caller.readsWholeClient(id))
			.toList();
		if (!wholeClients.isEmpty()) {
			terms.add("t.client_id in (:wholeClients)");
			params.put("wholeClients", wholeClients);
		}
		Map<List<Long>, List<String>> tiersByScope = caller.grants().stream()
			.filter(g -> (onlyClientId == null || g.clientId() == onlyClientId) && !wholeClients.contains(g.clientId()))
			.collect(Collectors.groupingBy(g -> java.util.Arrays.asList(g.clientId(), g.queueId(), g.categoryId()),
					LinkedHashMap::new, Collectors.flatMapping(g -> tiersCovered(g.tier()).stream(), Collectors.toList())));
		int i = 0;
		for (var scope : tiersByScope.entrySet()) {
			StringBuilder term = new StringBuilder("(t.client_id = :gc" + i + " and t.tier in (:gt" + i + ")");
			params.put("gc" + i, scope.getKey().get(0));
			params.put("gt" + i, scope.getValue().stream().distinct().toList());
			if (scope.getKey().get(1) != null) {
				term.append(" and t.queue_id = :gq").append(i);
				params.put("gq" + i, scope.getKey().get(1));
			}
			if (scope.getKey().get(2) != null) {
				term.append(" and t.category_id = :gk").append(i);
				params.put("gk" + i, scope.getKey().get(2));
			}
			terms.add(term.append(')').toString());
			i++;
		}
		if (ownAsRequester) {
			terms.add("t.requester_id = :me");
			params.put("me", caller.userId());
		}
		if (terms.isEmpty()) {
			terms.add("1 = 0");
		}
		if (onlyClientId != null) {
			params.put("onlyClient", onlyClientId);
			return new TicketVisibility("t.client_id = :onlyClient and (" + String.join(" or ", terms) + ")", params);
		}
		return new TicketVisibility("(" + String.join(" or ", terms) + ")", params);
	}

	/** Mirrors {@link io.tierline.access.Grant#covers}: T3 follows its tickets to a T4 vendor. */
	private static List<String> tiersCovered(io.tierline.common.Tier tier) {
		return tier == io.tierline.common.Tier.T3 ? List.of("T3", "T4") : List.of(tier.name());
	}

}
