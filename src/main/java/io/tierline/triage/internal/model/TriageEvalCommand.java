package io.tierline.triage.internal.model;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code eval-triage --train FILE --test FILE}: trains the product's triage model on one CSV and
 * prints one JSON line of its scores on the other. Options for the experiments in
 * docs/triage.md: {@code --model svm|nb}, {@code --features word|char|word+char},
 * {@code --c X}, {@code --chars MIN-MAX}, {@code --bits WORD,CHAR} (hashed dimensions as powers of
 * two), {@code --head TOKENS,WEIGHT} (the head block; {@code 0} for none), {@code --neighbours K,WEIGHT} (the training texts' vote; {@code 0} for the SVM alone),
 * {@code --meaning K,WEIGHT,WORDS} (the vote of the training texts nearest in meaning, on by
 * default; {@code 0} for none), {@code --no-knn}, {@code --holdout}.
 */
public final class TriageEvalCommand {

	private final PrintStream out;
	private final java.util.function.Function<String, float[]> embedder;

	/** {@code embedder}: the sentence embeddings of the meaning vote (null: no meaning vote). */
	public TriageEvalCommand(PrintStream out, java.util.function.Function<String, float[]> embedder) {
		this.out = out;
		this.embedder = embedder;
	}

	public int run(String[] args) throws Exception {
		List<String> list = Arrays.asList(args);
		String train = option(list, "--train", null);
		String test = option(list, "--test", null);
		if (train == null || test == null) {
			out.println("usage: eval-triage --train FILE.csv --test FILE.csv [--model svm|nb] [--features word|char|word+char] [--c X] [--chars 3-5] [--head TOKENS,WEIGHT] [--neighbours K,WEIGHT] [--meaning K,WEIGHT,WORDS] [--no-knn] [--holdout]");
			return 2;
		}
		List<LabelledCsv.Row> trainRows = LabelledCsv.read(Path.of(train));
		List<LabelledCsv.Row> testRows = LabelledCsv.read(Path.of(test));
		if (list.contains("--holdout")) {
			List<LabelledCsv.Row> shuffled = new ArrayList<>(trainRows);
			java.util.Collections.shuffle(shuffled, new java.util.Random(42));
			int cut = shuffled.size() * 9 / 10;
			trainRows = shuffled.subList(0, cut);
			testRows = shuffled.subList(cut, shuffled.size());
		}
		out.println(evaluate(trainRows, testRows, settings(list), meaning(list), option(list, "--model", "svm"),
				!list.contains("--no-knn")));
		return 0;
	}

	static TrainerSettings settings(List<String> args) {
		TrainerSettings settings = TrainerSettings.standard();
		String features = option(args, "--features", "word+char");
		settings = settings.withBlocks(features.contains("word"), features.contains("char"));
		settings = settings.withC(Double.parseDouble(option(args, "--c", String.valueOf(settings.c()))));
		String[] range = option(args, "--chars", settings.minChar() + "-" + settings.maxChar()).split("-");
		settings = settings.withCharRange(Integer.parseInt(range[0]), Integer.parseInt(range[1]));
		String[] bits = option(args, "--bits", settings.wordBits() + "," + settings.charBits()).split(",");
		settings = settings.withBits(Integer.parseInt(bits[0]), Integer.parseInt(bits[1]));
		String[] head = option(args, "--head", settings.headTokens() + "," + settings.headWeight()).split(",");
		settings = settings.withHead(Integer.parseInt(head[0]),
				head.length > 1 ? Double.parseDouble(head[1]) : settings.headWeight());
		String[] vote = option(args, "--neighbours", settings.neighbours() + "," + settings.neighbourWeight()).split(",");
		return settings.withNeighbours(Integer.parseInt(vote[0]),
				vote.length > 1 ? Double.parseDouble(vote[1]) : settings.neighbourWeight());
	}

	/** {@code --meaning K,WEIGHT,WORDS} ({@code 0}: none); the product's vote when absent and an embedder is given. */
	MeaningVote.Settings meaning(List<String> args) {
		MeaningVote.Settings standard = embedder == null ? MeaningVote.Settings.OFF : MeaningVote.Settings.STANDARD;
		String[] given = option(args, "--meaning", standard.neighbours() + "," + standard.weight() + "," + standard.words()).split(",");
		int neighbours = Integer.parseInt(given[0]);
		if (neighbours == 0 || embedder == null) {
			return MeaningVote.Settings.OFF;
		}
		return new MeaningVote.Settings(given.length > 2 ? Integer.parseInt(given[2]) : standard.words(), neighbours,
				given.length > 1 ? Double.parseDouble(given[1]) : standard.weight());
	}

	String evaluate(List<LabelledCsv.Row> trainRows, List<LabelledCsv.Row> testRows, TrainerSettings settings,
			MeaningVote.Settings meaning, String model, boolean knn) {
		List<String> texts = trainRows.stream().map(LabelledCsv.Row::text).toList();
		List<String> labels = trainRows.stream().map(LabelledCsv.Row::label).toList();
		long start = System.nanoTime();
		java.util.function.Function<String, String> predictor;
		if (model.equals("nb")) {
			NaiveBayes nb = new NaiveBayes(texts, labels, 0.1);
			predictor = nb::predict;
		}
		else {
			TextClassifier classifier = new ClassifierTrainer(settings, meaning, embedder).train(texts, labels);
			predictor = text -> classifier.predict(text).label();
		}
		double trainSeconds = (System.nanoTime() - start) / 1e9;
		warmUp(predictor, texts);
		List<String> truth = new ArrayList<>();
		List<String> predicted = new ArrayList<>();
		double[] millis = new double[testRows.size()];
		double[] cpuMillis = new double[testRows.size()];
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		for (int i = 0; i < testRows.size(); i++) {
			long c0 = threads.getCurrentThreadCpuTime();
			long t0 = System.nanoTime();
			predicted.add(predictor.apply(testRows.get(i).text()));
			millis[i] = (System.nanoTime() - t0) / 1e6;
			cpuMillis[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
			truth.add(testRows.get(i).label());
		}
		Scores scores = Scores.of(truth, predicted);
		double p5 = knn ? precisionAt5(texts, labels, testRows) : Double.NaN;
		return String.format(Locale.ROOT,
				"{\"accuracy\":%.4f,\"macroF1\":%.4f,\"knnPrecisionAt5\":%s,\"trainSeconds\":%.2f,\"predictP99Ms\":%.3f,\"predictP50Ms\":%.3f,\"predictCpuP99Ms\":%.3f,"
						+ "\"trainRows\":%d,\"testRows\":%d,\"model\":\"%s\",\"features\":\"%s\",\"c\":%s,\"neighbours\":%d,\"neighbourWeight\":%s,"
						+ "\"meaningNeighbours\":%d,\"meaningWeight\":%s,\"meaningWords\":%d}",
				scores.accuracy(), scores.macroF1(), Double.isNaN(p5) ? "null" : String.format(Locale.ROOT, "%.4f", p5),
				trainSeconds, percentile(millis, 0.99), percentile(millis, 0.5), percentile(cpuMillis, 0.99), trainRows.size(), testRows.size(), model,
				describe(settings), settings.c(), settings.votes() ? settings.neighbours() : 0, settings.neighbourWeight(),
				meaning.on() ? meaning.neighbours() : 0, meaning.weight(), meaning.words());
	}

	/** As a running server is: a few hundred training texts through the JIT, garbage of training collected. */
	private static void warmUp(java.util.function.Function<String, String> predictor, List<String> texts) {
		for (int i = 0; i < Math.min(2000, texts.size()); i++) {
			predictor.apply(texts.get(i));
		}
		System.gc();
	}

	static double precisionAt5(List<String> texts, List<String> labels, List<LabelledCsv.Row> testRows) {
		SimilarTexts index = Boolean.getBoolean("knn.wordsOnly") ? SimilarTexts.index(texts)
				: SimilarTexts.index(texts, new FeatureHasher(20, true, false, 0, 0), new FeatureHasher(20, false, true, 3, 5));
		double sum = 0;
		for (LabelledCsv.Row row : testRows) {
			int[] nearest = index.nearest(row.text(), 5);
			int same = 0;
			for (int d : nearest) {
				if (d >= 0 && labels.get(d).equals(row.label())) {
					same++;
				}
			}
			sum += same / 5.0;
		}
		return testRows.isEmpty() ? 0 : sum / testRows.size();
	}

	private static String describe(TrainerSettings s) {
		return (s.words() ? "word1-2" : "") + (s.words() && s.chars() ? "+" : "")
				+ (s.chars() ? "char" + s.minChar() + "-" + s.maxChar() : "")
				+ (s.hasHead() ? "+head" + s.headTokens() + "x" + s.headWeight() : "");
	}

	static double percentile(double[] values, double p) {
		if (values.length == 0) {
			return 0;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
	}

	private static String option(List<String> args, String name, String fallback) {
		int at = args.indexOf(name);
		return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
	}
}
