package io.tierline.selfservice.internal;

import java.time.Instant;
import java.util.List;

/** A self-service session as the requester (and the API) sees it; {@code ticket} is the request it became, if any. */
public record SessionView(long id, String client, String question, String outcome, List<Turn> transcript, Instant startedAt,
		Instant endedAt, String ticket, Instant recontactAt) {

	public boolean open() {
		return "OPEN".equals(outcome);
	}
}
