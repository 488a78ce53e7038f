package io.tierline.triage.internal.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The meaning vote with a stand-in embedder (each word hashed to a fixed random direction, summed,
 * scaled to length 1 as the real one is):
 * texts sharing words are near, as with the real model, and every test is exact and fast. The real
 * MiniLM is measured by eval-triage (docs/triage.md).
 */
class MeaningVoteTests {

	private static final int DIMENSIONS = 24;

	private static final Function<String, float[]> BAG_OF_WORDS = text -> {
		float[] v = new float[DIMENSIONS];
		for (String word : text.toLowerCase().split("\\s+")) {
			Random direction = new Random(java.util.Arrays.hashCode(word.getBytes(StandardCharsets.UTF_8)));
			for (int j = 0; j < DIMENSIONS; j++) {
				v[j] += (float) direction.nextGaussian();
			}
		}
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		for (int j = 0; j < DIMENSIONS; j++) {
			v[j] /= (float) Math.sqrt(norm);
		}
		return v;
	};

	private static final String[] TOPICS = { "printer toner jam paper tray", "vpn token login password expired",
			"invoice purchase order approval budget", "laptop screen keyboard battery dock" };

	@Test
	void theHeadIsTheFirstWords() {
		assertThat(MeaningVote.head("  printer   jam in\tthe lobby ", 3)).isEqualTo("printer   jam in");
		assertThat(MeaningVote.head("two words", 32)).isEqualTo("two words");
		assertThat(MeaningVote.head("", 5)).isEmpty();
		assertThat(MeaningVote.head(null, 5)).isEmpty();
	}

	@Test
	void theNearestTrainingTextsVoteForTheirLabelsWithTheWeight() {
		List<String> texts = new ArrayList<>();
		int[] y = new int[400];
		Random random = new Random(3);
		for (int i = 0; i < y.length; i++) {
			y[i] = i % TOPICS.length;
			String[] words = TOPICS[y[i]].split(" ");
			texts.add(words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]
					+ " ticket " + i);
		}
		var settings = new MeaningVote.Settings(4, 10, 0.7);
		float[][] vectors = MeaningVote.embedAll(texts.stream().map(t -> MeaningVote.head(t, settings.words())).toList(),
				BAG_OF_WORDS, 2, fraction -> {
				});
		MeaningVote vote = MeaningVote.build(vectors, y, TOPICS.length, settings, BAG_OF_WORDS);
		assertThat(vote.listStart()).hasSize(21).endsWith(400);

		for (int topic = 0; topic < TOPICS.length; topic++) {
			double[] scores = new double[TOPICS.length];
			vote.addTo(scores, TOPICS[topic] + " please help");
			assertThat(IntStream.range(0, scores.length).boxed().max((a, b) -> Double.compare(scores[a], scores[b])))
				.contains(topic);
			assertThat(IntStream.range(0, scores.length).mapToDouble(k -> scores[k]).sum()).isCloseTo(0.7, within(1e-6));
			assertThat(java.util.Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 0.7 + 1e-9)).isTrue();
		}
	}

	@Test
	void theVoteSurvivesTheCodecAndAModelWithoutEmbedderCannotPredict() {
		var train = List.of("printer toner jam", "printer paper tray", "vpn login expired", "vpn password token",
				"invoice approval budget", "purchase order invoice");
		var labels = List.of("Hardware", "Hardware", "Access", "Access", "Purchase", "Purchase");
		var trainer = new ClassifierTrainer(TrainerSettings.forExamples(train.size()), new MeaningVote.Settings(8, 3, 0.7),
				BAG_OF_WORDS);
		TextClassifier model = trainer.train(train, labels);
		assertThat(model.meaning()).isNotNull();
		TextClassifier copy = ModelCodec.read(ModelCodec.write(List.of(model)), BAG_OF_WORDS).get(0);
		for (String text : List.of("toner jam again", "my vpn token expired", "budget for the purchase order")) {
			assertThat(copy.predict(text).scores()).containsExactly(model.predict(text).scores());
		}
		TextClassifier blind = ModelCodec.read(ModelCodec.write(List.of(model))).get(0);
		assertThatThrownBy(() -> blind.predict("toner")).isInstanceOf(IllegalStateException.class).hasMessageContaining("embedder");
	}

	@Test
	void theMeaningVoteMovesTheMarginsByAtMostItsWeight() {
		var train = List.of("printer toner jam", "printer paper tray", "vpn login expired", "vpn password token");
		var labels = List.of("Hardware", "Hardware", "Access", "Access");
		TextClassifier plain = new ClassifierTrainer(TrainerSettings.forExamples(4)).train(train, labels);
		TextClassifier voting = new ClassifierTrainer(TrainerSettings.forExamples(4), new MeaningVote.Settings(8, 2, 0.7), BAG_OF_WORDS)
			.train(train, labels);
		double[] without = plain.predict("printer toner").scores();
		double[] with = voting.predict("printer toner").scores();
		int hardware = plain.labels().indexOf("Hardware");
		assertThat(with[hardware] - without[hardware]).isCloseTo(0.7, within(1e-6));
		assertThat(with[1 - hardware]).isCloseTo(without[1 - hardware], within(1e-9));
	}
}
