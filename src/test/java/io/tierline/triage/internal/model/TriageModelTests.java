package io.tierline.triage.internal.model;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triage model on a fixture of 800 training and 200 test tickets sampled from the public
 * it-tickets train.csv (8 labels): the eval command's output, a baseline to beat, the codec.
 */
class TriageModelTests {

	static final Path TRAIN = Path.of("src/test/resources/triage/fixture-train.csv");
	static final Path TEST = Path.of("src/test/resources/triage/fixture-test.csv");

	@Test
	void evalTriagePrintsOneJsonLineWithTheMetrics() throws Exception {
		var bytes = new ByteArrayOutputStream();
		int status = new TriageEvalCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8), null)
			.run(new String[] { "--train", TRAIN.toString(), "--test", TEST.toString() });
		String out = bytes.toString(StandardCharsets.UTF_8).strip();
		assertThat(status).isZero();
		assertThat(out.lines().count()).isEqualTo(1);
		JsonNode json = JsonMapper.builder().build().readTree(out);
		for (String field : List.of("accuracy", "macroF1", "knnPrecisionAt5", "trainSeconds", "predictP99Ms")) {
			assertThat(json.has(field)).as(field).isTrue();
			assertThat(json.get(field).isNumber()).as(field).isTrue();
		}
		assertThat(json.get("accuracy").asDouble()).isBetween(0.5, 1.0);
		assertThat(json.get("macroF1").asDouble()).isBetween(0.3, 1.0);
		assertThat(json.get("knnPrecisionAt5").asDouble()).isBetween(0.3, 1.0);
		assertThat(json.get("testRows").asInt()).isEqualTo(200);
		assertThat(json.get("trainRows").asInt()).isEqualTo(800);
	}

	@Test
	void withoutFilesItPrintsUsageAndFails() throws Exception {
		var bytes = new ByteArrayOutputStream();
		int status = new TriageEvalCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8), null).run(new String[0]);
		assertThat(status).isEqualTo(2);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("usage: eval-triage");
	}

	@Test
	void theModelBeatsTheMajorityLabelAndNaiveBayes() throws Exception {
		var train = LabelledCsv.read(TRAIN);
		var test = LabelledCsv.read(TEST);
		TextClassifier model = new ClassifierTrainer(TrainerSettings.standard()).train(texts(train), labels(train));
		String majority = labels(train).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
			.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		NaiveBayes nb = new NaiveBayes(texts(train), labels(train), 0.1);

		double svm = accuracy(test, t -> model.predict(t).label());
		double baseline = accuracy(test, t -> majority);
		double bayes = accuracy(test, nb::predict);

		assertThat(baseline).isLessThan(0.4);
		assertThat(svm).isGreaterThan(baseline + 0.25);
		assertThat(svm).isGreaterThanOrEqualTo(bayes);
	}

	@Test
	void aSerializedModelPredictsExactlyAsTheTrainedOne() throws Exception {
		var train = LabelledCsv.read(TRAIN);
		var test = LabelledCsv.read(TEST);
		TextClassifier model = new ClassifierTrainer(TrainerSettings.forExamples(train.size())).train(texts(train), labels(train));
		TextClassifier copy = ModelCodec.read(ModelCodec.write(List.of(model))).get(0);
		for (var row : test) {
			var a = model.predict(row.text());
			var b = copy.predict(row.text());
			assertThat(b.label()).isEqualTo(a.label());
			assertThat(b.confidence()).isEqualTo(a.confidence());
			assertThat(a.confidence()).isBetween(1.0 / model.labels().size(), 1.0);
		}
		assertThat(copy.labels()).isEqualTo(model.labels());
		assertThat(copy.knowsWord(test.get(0).text().split(" ")[0])).isTrue();
		assertThat(copy.knowsWord("qqzzxxnotaword")).isFalse();
	}

	static final TrainerSettings VOTING = TrainerSettings.standard()
		.withNeighbours(TrainerSettings.VOTE_NEIGHBOURS, TrainerSettings.NEIGHBOUR_WEIGHT);

	@Test
	void aSerializedModelVotesExactlyAsTheTrainedOne() throws Exception {
		var train = LabelledCsv.read(TRAIN);
		var test = LabelledCsv.read(TEST);
		TextClassifier model = new ClassifierTrainer(VOTING).train(texts(train), labels(train));
		TextClassifier copy = ModelCodec.read(ModelCodec.write(List.of(model))).get(0);
		assertThat(model.vote()).isNotNull();
		assertThat(copy.vote()).isNotNull();
		for (var row : test) {
			assertThat(copy.predict(row.text()).scores()).containsExactly(model.predict(row.text()).scores());
		}
	}

	@Test
	void theNeighboursOfATrainingTextVoteForItsLabel() throws Exception {
		var train = LabelledCsv.read(TRAIN);
		TrainerSettings svmAlone = TrainerSettings.standard().withNeighbours(0, 0);
		TextClassifier plain = new ClassifierTrainer(svmAlone).train(texts(train), labels(train));
		TextClassifier voting = new ClassifierTrainer(VOTING).train(texts(train), labels(train));
		assertThat(plain.vote()).isNull();
		var row = train.get(0);
		int label = voting.labels().indexOf(row.label());
		double[] without = plain.predict(row.text()).scores();
		double[] with = voting.predict(row.text()).scores();
		assertThat(with[label] - without[label]).isPositive().isLessThanOrEqualTo(TrainerSettings.NEIGHBOUR_WEIGHT + 1e-9);
	}

	@Test
	void aModelOfTheFirstFormatStillReads() throws Exception {
		var train = LabelledCsv.read(TRAIN);
		TextClassifier plain = new ClassifierTrainer(TrainerSettings.standard().withNeighbours(0, 0).withHead(0, 0))
			.train(texts(train), labels(train));
		byte[] blob = ModelCodec.write(List.of(plain));
		TextClassifier copy = ModelCodec.read(olderFormat(blob, '1', plain.blocks().length)).get(0);
		assertThat(copy.vote()).isNull();
		assertThat(copy.predict(train.get(1).text()).scores()).containsExactly(plain.predict(train.get(1).text()).scores());
	}

	@Test
	void aModelOfTheSecondFormatStillReads() throws Exception {
		var train = LabelledCsv.read(TRAIN);
		TextClassifier plain = new ClassifierTrainer(TrainerSettings.standard().withNeighbours(0, 0).withHead(0, 0))
			.train(texts(train), labels(train));
		TextClassifier copy = ModelCodec.read(olderFormat(ModelCodec.write(List.of(plain)), '2', plain.blocks().length))
			.get(0);
		assertThat(copy.blocks()).allSatisfy(b -> {
			assertThat(b.headTokens()).isZero();
			assertThat(b.weight()).isEqualTo(1f);
		});
		assertThat(copy.predict(train.get(1).text()).scores()).containsExactly(plain.predict(train.get(1).text()).scores());
	}

	// A version 3 blob of one classifier is the version 2 blob with "TRG3" for "TRG2" and each block's head
	// length and weight (8 bytes) at the end; a version 2 blob without a vote is the version 1 blob with "TRG2"
	// for "TRG1" and one false at the end.
	private static byte[] olderFormat(byte[] blob, char version, int blocks) throws Exception {
		byte[] raw;
		try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(blob))) {
			raw = in.readAllBytes();
		}
		assertThat(raw[3]).isEqualTo((byte) '3');
		raw[3] = (byte) version;
		int length = raw.length - 8 * blocks - (version == '1' ? 1 : 0);
		var out = new ByteArrayOutputStream();
		try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
			gzip.write(raw, 0, length);
		}
		return out.toByteArray();
	}

	@Test
	void theHeadBlockReadsOnlyTheFirstTokensAndSurvivesTheCodec() throws Exception {
		var train = LabelledCsv.read(TRAIN);
		TrainerSettings settings = TrainerSettings.standard();
		assertThat(settings.headTokens()).isEqualTo(TrainerSettings.HEAD_TOKENS).isPositive();
		TextClassifier model = new ClassifierTrainer(settings).train(texts(train), labels(train));
		assertThat(model.blocks()).hasSize(3);
		FeatureHasher head = model.blocks()[2];
		assertThat(head.headTokens()).isEqualTo(TrainerSettings.HEAD_TOKENS);
		assertThat(head.weight()).isEqualTo((float) TrainerSettings.HEAD_WEIGHT);
		// Tokens after the head change only the word and character blocks.
		String first = "printer jammed again on floor three please help now";
		assertThat(head.counts(first + " tail words here").toSparse().indices())
			.containsExactly(head.counts(first).toSparse().indices());
		// The head block's part of a vector has the block's weight as its norm.
		SparseVector x = model.vectorizer().transform(first);
		int offset = model.blocks()[0].dimension() + model.blocks()[1].dimension();
		double squared = 0;
		for (int k = 0; k < x.size(); k++) {
			if (x.indices()[k] >= offset) {
				squared += x.values()[k] * x.values()[k];
			}
		}
		assertThat(Math.sqrt(squared)).isCloseTo(TrainerSettings.HEAD_WEIGHT, org.assertj.core.data.Offset.offset(1e-5));
		TextClassifier copy = ModelCodec.read(ModelCodec.write(List.of(model))).get(0);
		assertThat(copy.blocks()[2].headTokens()).isEqualTo(TrainerSettings.HEAD_TOKENS);
		assertThat(copy.blocks()[2].weight()).isEqualTo((float) TrainerSettings.HEAD_WEIGHT);
		for (var row : LabelledCsv.read(TEST)) {
			assertThat(copy.predict(row.text()).scores()).containsExactly(model.predict(row.text()).scores());
		}
	}

	@Test
	void theCsvReaderHandlesQuotesAndCarriageReturns() throws Exception {
		Path file = java.nio.file.Files.createTempFile("triage", ".csv");
		java.nio.file.Files.writeString(file, "Document,Topic_group\r\n\"a, \"\"quoted\"\" text\",Access\r\nplain,Hardware\n");
		var rows = LabelledCsv.read(file);
		assertThat(rows).containsExactly(new LabelledCsv.Row("a, \"quoted\" text", "Access"), new LabelledCsv.Row("plain", "Hardware"));
	}

	private static double accuracy(List<LabelledCsv.Row> rows, Function<String, String> predict) {
		return rows.stream().filter(r -> predict.apply(r.text()).equals(r.label())).count() / (double) rows.size();
	}

	private static List<String> texts(List<LabelledCsv.Row> rows) {
		return rows.stream().map(LabelledCsv.Row::text).toList();
	}

	private static List<String> labels(List<LabelledCsv.Row> rows) {
		return rows.stream().map(LabelledCsv.Row::label).toList();
	}
}
