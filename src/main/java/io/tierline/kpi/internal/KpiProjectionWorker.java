package io.tierline.kpi.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the projection every few seconds ({@code tierline.kpi.projection=false} turns it off; tests call it directly). */
@Component
@ConditionalOnProperty(name = "tierline.kpi.projection", havingValue = "true", matchIfMissing = true)
class KpiProjectionWorker {

	private static final Logger log = LoggerFactory.getLogger(KpiProjectionWorker.class);

	private final KpiProjection projection;

	KpiProjectionWorker(KpiProjection projection) {
		this.projection = projection;
	}

	@Scheduled(fixedDelayString = "${tierline.kpi.poll-ms:5000}", initialDelay = 3000)
	void round() {
		try {
			projection.catchUp();
		}
		catch (RuntimeException e) {
			log.warn("KPI projection round failed; the next round starts from the same watermark: {}", e.toString());
		}
	}
}
