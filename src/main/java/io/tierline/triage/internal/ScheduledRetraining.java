package io.tierline.triage.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retrains every client's model on a schedule ({@code tierline.triage.retrain-cron}, default 03:30
 * each night) where {@link ModelTraining#retrainWhereDue()} says so.
 */
@Component
@ConditionalOnProperty(name = "tierline.triage.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledRetraining {

	private final ModelTraining training;

	ScheduledRetraining(ModelTraining training) {
		this.training = training;
	}

	@Scheduled(cron = "${tierline.triage.retrain-cron:0 30 3 * * *}")
	void retrain() {
		training.retrainWhereDue();
	}
}
