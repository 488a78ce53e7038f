package io.tierline.triage.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleConsumer;

import io.tierline.search.SentenceEmbeddings;
import io.tierline.triage.TriageEvents.TriageModelTrained;
import io.tierline.triage.internal.TriageModels.ModelVersion;
import io.tierline.triage.internal.TrainingData.Example;
import io.tierline.triage.internal.model.ClassifierTrainer;
import io.tierline.triage.internal.model.MeaningVote;
import io.tierline.triage.internal.model.ModelCodec;
import io.tierline.triage.internal.model.TextClassifier;
import io.tierline.triage.internal.model.TrainerSettings;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Trains a client's model in process, one training at a time on a background thread, from the
 * client's own solved tickets only. Progress is written to the version's row as it goes (the admin
 * page polls it); a client with too little history gets a FAILED version saying so, and its rules
 * keep deciding.
 */
@Service
public class ModelTraining {

	private static final Logger log = LoggerFactory.getLogger(ModelTraining.class);

	private final io.tierline.access.AccessManagement access;
	private final TriageModels models;
	private final TrainingData data;
	private final TriageSettings settings;
	private final ActiveModels active;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "triage-training");
		t.setDaemon(true);
		return t;
	});

	ModelTraining(io.tierline.access.AccessManagement access, TriageModels models, TrainingData data, TriageSettings settings,
			ActiveModels active, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.models = models;
		this.data = data;
		this.settings = settings;
		this.active = active;
		this.events = events;
		this.clock = clock;
	}

	/** Queues a training for the client, or returns the one already queued or running. */
	public synchronized ModelVersion request(long clientId, String trigger, Long requestedBy) {
		var running = models.unfinished(clientId);
		if (running.isPresent()) {
			return running.get();
		}
		long id = models.queue(clientId, trigger, requestedBy);
		worker.submit(() -> train(id, clientId));
		return models.find(id).orElseThrow();
	}

	/**
	 * Queues a SCHEDULED training for every client with enough history whose count of solved,
	 * categorised tickets grew past what its active model was trained on (or that has none).
	 */
	public List<ModelVersion> retrainWhereDue() {
		List<ModelVersion> queued = new ArrayList<>();
		for (var client : access.clients()) {
			long solved = Math.min(data.countSolved(client.id()), TrainingData.MAX_EXAMPLES);
			if (solved < settings.of(client.id()).minExamples()) {
				continue;
			}
			var active = models.active(client.id());
			if (active.isEmpty() || active.get().examples() == null || active.get().examples() < solved) {
				queued.add(request(client.id(), "SCHEDULED", null));
			}
		}
		return queued;
	}

	void train(long id, long clientId) {
		try {
			models.progress(id, "TRAINING", 0.02);
			List<Example> examples = data.solvedTickets(clientId);
			var s = settings.of(clientId);
			long categories = examples.stream().map(Example::category).distinct().count();
			if (examples.size() < s.minExamples() || categories < 2) {
				models.failed(id, examples.size(), "Too little history: " + examples.size() + " solved tickets with a category in "
						+ categories + " categories; a model needs " + s.minExamples() + " in at least 2. The rules decide meanwhile.");
				return;
			}
			build(id, clientId, examples);
		}
		catch (RuntimeException ex) {
			log.warn("Triage training {} for client {} failed", id, clientId, ex);
			models.failed(id, null, "Training failed: " + ex.getMessage());
		}
	}

	private void build(long id, long clientId, List<Example> examples) {
		// one trainer for the three models: it embeds each ticket once for their meaning votes
		var trainer = new ClassifierTrainer(TrainerSettings.forExamples(examples.size()), MeaningVote.Settings.STANDARD,
				SentenceEmbeddings::embed);
		Double holdout = holdoutAccuracy(trainer, examples, progress(id, 0.02, 0.3));
		TextClassifier category = trainer.train(texts(examples), examples.stream().map(Example::category).toList(),
				progress(id, 0.3, 0.75));
		List<Example> queued = examples.stream().filter(e -> e.queue() != null).toList();
		List<TextClassifier> classifiers = new ArrayList<>(List.of(category));
		if (!queued.isEmpty()) {
			classifiers.add(trainer.train(texts(queued), queued.stream().map(Example::queue).toList(), progress(id, 0.75, 0.98)));
		}
		byte[] blob = ModelCodec.write(classifiers);
		String labels = "category: " + String.join(", ", category.labels())
				+ (classifiers.size() > 1 ? "; queue: " + String.join(", ", classifiers.get(1).labels()) : "");
		models.ready(id, examples.size(), labels.length() > 2000 ? labels.substring(0, 2000) : labels, holdout, blob);
		active.evict(clientId);
		var version = models.find(id).orElseThrow();
		events.publishEvent(new TriageModelTrained(clientId, id, version.version(), examples.size(), clock.instant()));
		log.info("Triage model v{} for client {}: {} examples, holdout accuracy {}", version.version(), clientId,
				examples.size(), holdout);
	}

	/** Accuracy of the category model trained on four fifths and tested on the last fifth (shuffled, fixed seed). */
	private static Double holdoutAccuracy(ClassifierTrainer trainer, List<Example> examples, DoubleConsumer progress) {
		if (examples.size() < 50) {
			return null;
		}
		List<Example> shuffled = new ArrayList<>(examples);
		Collections.shuffle(shuffled, new Random(7));
		int cut = shuffled.size() * 4 / 5;
		List<Example> train = shuffled.subList(0, cut);
		if (train.stream().map(Example::category).distinct().count() < 2) {
			return null;
		}
		TextClassifier model = trainer.train(texts(train), train.stream().map(Example::category).toList(), progress);
		List<Example> test = shuffled.subList(cut, shuffled.size());
		long right = test.stream().filter(e -> model.predict(e.text()).label().equals(e.category())).count();
		return (double) right / test.size();
	}

	private static List<String> texts(List<Example> examples) {
		return examples.stream().map(Example::text).toList();
	}

	/** Maps a stage's own progress in [0, 1] onto [from, to] of the whole, written when it moved by 5 points. */
	private DoubleConsumer progress(long id, double from, double to) {
		double[] last = { -1 };
		return fraction -> {
			double overall = from + (to - from) * fraction;
			if (overall - last[0] >= 0.05) {
				last[0] = overall;
				models.progress(id, "TRAINING", overall);
			}
		};
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}
}
