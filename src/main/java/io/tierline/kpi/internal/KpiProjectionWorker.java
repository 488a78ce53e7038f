package io.tierline.kpi.internal;

import io.tierline.common.BulkWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the projection every few seconds ({@code tierline.kpi.projection=false} turns it off; tests call it directly).
 * While a bulk write (a history import) runs on this node it waits, and catches up in the rounds after.
 */
@Component
@ConditionalOnProperty(name = "tierline.kpi.projection", havingValue = "true", matchIfMissing = true)
class KpiProjectionWorker {

	private static final Logger log = LoggerFactory.getLogger(KpiProjectionWorker.class);

	private final KpiProjection projection;
	private final BulkWrites bulk;

	KpiProjectionWorker(KpiProjection projection, BulkWrites bulk) {
		this.projection = projection;
		this.bulk = bulk;
	}

	@Scheduled(fixedDelayString = "${tierline.kpi.poll-ms:5000}", initialDelay = 3000)
	void round() {
		if (bulk.deferring()) {
			return;
		}
		try {
			projection.catchUp(bulk::deferring);
		}
		catch (RuntimeException e) {
			log.warn("KPI projection round failed; the next round starts from the same watermark: {}", e.toString());
		}
	}
}
