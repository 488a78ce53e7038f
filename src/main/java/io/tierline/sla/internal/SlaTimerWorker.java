package io.tierline.sla.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the timers on every node ({@code tierline.sla.timers=false} turns it off, as the tests do
 * to fire timers by hand after moving the clock). A full round is followed by another at once, so
 * a backlog drains at the database's pace rather than the poll interval's.
 */
@Component
@ConditionalOnProperty(name = "tierline.sla.timers", havingValue = "true", matchIfMissing = true)
class SlaTimerWorker {

	private static final Logger log = LoggerFactory.getLogger(SlaTimerWorker.class);

	private final SlaTimerProcessor processor;
	private final int batch;

	SlaTimerWorker(SlaTimerProcessor processor, @Value("${tierline.sla.batch:500}") int batch) {
		this.processor = processor;
		this.batch = batch;
	}

	@Scheduled(fixedDelayString = "${tierline.sla.poll-ms:250}", initialDelay = 2000)
	void round() {
		try {
			while (processor.fireDue(batch) >= batch) {
				// a full round: more is due right now
			}
			for (int i = 0; i < 100 && processor.runOneAction(); i++) {
				// breach actions, one ticket each
			}
		}
		catch (RuntimeException e) {
			log.warn("SLA timer round failed; its timers stay due and fire on the next round: {}", e.toString());
		}
	}
}
