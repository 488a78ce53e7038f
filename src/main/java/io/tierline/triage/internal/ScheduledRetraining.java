package io.tierline.triage.internal;

import io.tierline.access.AccessManagement;
import io.tierline.access.ClientRef;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retrains every client's model on a schedule ({@code tierline.triage.retrain-cron}, default 03:30
 * each night) when it has enough history and solved tickets were added since its active model.
 */
@Component
@ConditionalOnProperty(name = "tierline.triage.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledRetraining {

	private final AccessManagement access;
	private final TrainingData data;
	private final TriageModels models;
	private final TriageSettings settings;
	private final ModelTraining training;

	ScheduledRetraining(AccessManagement access, TrainingData data, TriageModels models, TriageSettings settings,
			ModelTraining training) {
		this.access = access;
		this.data = data;
		this.models = models;
		this.settings = settings;
		this.training = training;
	}

	@Scheduled(cron = "${tierline.triage.retrain-cron:0 30 3 * * *}")
	void retrain() {
		for (ClientRef client : access.clients()) {
			long solved = data.countSolved(client.id());
			if (solved < settings.of(client.id()).minExamples()) {
				continue;
			}
			var active = models.active(client.id());
			if (active.isEmpty() || active.get().examples() == null || active.get().examples() < Math.min(solved, TrainingData.MAX_EXAMPLES)) {
				training.request(client.id(), "SCHEDULED", null);
			}
		}
	}
}
