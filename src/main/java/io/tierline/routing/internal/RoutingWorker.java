package io.tierline.routing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Works off routing requests and waiting tickets every second ({@code tierline.routing.worker=false} turns it off). */
@Component
@ConditionalOnProperty(name = "tierline.routing.worker", havingValue = "true", matchIfMissing = true)
class RoutingWorker {

	private static final Logger log = LoggerFactory.getLogger(RoutingWorker.class);

	private final RoutingJobs jobs;

	RoutingWorker(RoutingJobs jobs) {
		this.jobs = jobs;
	}

	@Scheduled(fixedDelayString = "${tierline.routing.worker-delay-ms:1000}", initialDelay = 5000)
	void work() {
		try {
			jobs.drain();
		}
		catch (RuntimeException e) {
			log.warn("Routing round failed; it is retried in the next round", e);
		}
	}
}
