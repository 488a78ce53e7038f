package io.tierline.triage.internal.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes and reads classifiers as gzip-compressed binary (the blob of a model version). Version 2
 * adds each classifier's {@link NeighbourVote}; version 3 appends to each classifier, after the
 * vote, every block's head length and weight (the head block). Blobs of versions 1 (no vote) and
 * 2 (no head, every block weight 1) still read.
 */
public final class ModelCodec {

	private static final int MAGIC_V1 = 0x54524731; // "TRG1"

	private static final int MAGIC_V2 = 0x54524732; // "TRG2"

	private static final int MAGIC_V3 = 0x54524733; // "TRG3"

	/** Version 4: version 3 and, after each classifier, its {@link MeaningVote} (written only when one has it). */
	private static final int MAGIC = 0x54524734; // "TRG4"

	private ModelCodec() {
	}

	public static byte[] write(List<TextClassifier> classifiers) {
		var bytes = new ByteArrayOutputStream();
		boolean meaning = classifiers.stream().anyMatch(c -> c.meaning() != null);
		try (var out = new DataOutputStream(new GZIPOutputStream(bytes))) {
			out.writeInt(meaning ? MAGIC : MAGIC_V3);
			out.writeInt(classifiers.size());
			for (TextClassifier c : classifiers) {
				write(c, out);
				if (meaning) {
					writeMeaning(c.meaning(), out);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	public static List<TextClassifier> read(byte[] blob) {
		return read(blob, null);
	}

	/** {@code embedder} embeds the texts to predict for a classifier with a meaning vote (null: it cannot predict). */
	public static List<TextClassifier> read(byte[] blob, Function<String, float[]> embedder) {
		try (var in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(blob)))) {
			int magic = in.readInt();
			if (magic != MAGIC && magic != MAGIC_V3 && magic != MAGIC_V2 && magic != MAGIC_V1) {
				throw new IllegalArgumentException("not a triage model");
			}
			int count = in.readInt();
			List<TextClassifier> classifiers = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				TextClassifier c = read(in, magic != MAGIC_V1, magic == MAGIC || magic == MAGIC_V3);
				MeaningVote meaning = magic == MAGIC ? readMeaning(in, embedder) : null;
				classifiers.add(meaning == null ? c
						: new TextClassifier(c.blocks(), c.documents(), c.labels(), c.table(), c.bias(), c.vote(), meaning));
			}
			return classifiers;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(TextClassifier c, DataOutputStream out) throws IOException {
		out.writeInt(c.blocks().length);
		for (FeatureHasher b : c.blocks()) {
			out.writeInt(b.bits());
			out.writeBoolean(b.words());
			out.writeBoolean(b.chars());
			out.writeInt(b.minChar());
			out.writeInt(b.maxChar());
		}
		out.writeInt(c.documents());
		out.writeInt(c.labels().size());
		for (String label : c.labels()) {
			out.writeUTF(label);
		}
		for (float b : c.bias()) {
			out.writeFloat(b);
		}
		FeatureTable t = c.table();
		out.writeInt(t.size());
		for (int i = 0; i < t.size(); i++) {
			out.writeInt(t.keys()[i]);
			out.writeFloat(t.idf()[i]);
		}
		for (float w : t.weights()) {
			out.writeFloat(w);
		}
		out.writeBoolean(c.vote() != null);
		if (c.vote() != null) {
			write(c.vote(), out);
		}
		for (FeatureHasher b : c.blocks()) {
			out.writeInt(b.headTokens());
			out.writeFloat(b.weight());
		}
	}

	// Postings as gaps between ascending document numbers, so most fit in one or two bytes.
	private static void write(NeighbourVote vote, DataOutputStream out) throws IOException {
		out.writeInt(vote.neighbours());
		out.writeFloat(vote.weight());
		out.writeInt(vote.labelOf().length);
		for (int label : vote.labelOf()) {
			out.writeShort(label);
		}
		out.writeInt(vote.keys().length);
		int previousKey = 0;
		for (int p = 0; p < vote.keys().length; p++) {
			writeVarInt(out, vote.keys()[p] - previousKey);
			previousKey = vote.keys()[p];
			writeVarInt(out, vote.start()[p + 1] - vote.start()[p]);
			int previousDoc = 0;
			for (int s = vote.start()[p]; s < vote.start()[p + 1]; s++) {
				writeVarInt(out, vote.docs()[s] - previousDoc);
				previousDoc = vote.docs()[s];
				out.writeChar(vote.values()[s]);
			}
		}
	}

	private static NeighbourVote readVote(DataInputStream in, int classes) throws IOException {
		int neighbours = in.readInt();
		float weight = in.readFloat();
		int[] labelOf = new int[in.readInt()];
		for (int d = 0; d < labelOf.length; d++) {
			labelOf[d] = in.readUnsignedShort();
		}
		int[] keys = new int[in.readInt()];
		int[] start = new int[keys.length + 1];
		int[] docs = new int[1024];
		char[] values = new char[1024];
		for (int p = 0; p < keys.length; p++) {
			keys[p] = (p == 0 ? 0 : keys[p - 1]) + readVarInt(in);
			int length = readVarInt(in);
			start[p + 1] = start[p] + length;
			if (start[p + 1] > docs.length) {
				docs = Arrays.copyOf(docs, Math.max(start[p + 1], docs.length * 2));
				values = Arrays.copyOf(values, docs.length);
			}
			int doc = 0;
			for (int s = start[p]; s < start[p + 1]; s++) {
				doc += readVarInt(in);
				docs[s] = doc;
				values[s] = in.readChar();
			}
		}
		int postings = start[keys.length];
		return new NeighbourVote(neighbours, weight, classes, labelOf, keys, start, Arrays.copyOf(docs, postings),
				Arrays.copyOf(values, postings));
	}

	private static void writeMeaning(MeaningVote m, DataOutputStream out) throws IOException {
		out.writeBoolean(m != null);
		if (m == null) {
			return;
		}
		out.writeInt(m.settings().words());
		out.writeInt(m.settings().neighbours());
		out.writeDouble(m.settings().weight());
		out.writeInt(m.classes());
		out.writeInt(m.dimensions());
		out.writeInt(m.listStart().length);
		for (int start : m.listStart()) {
			out.writeInt(start);
		}
		for (float c : m.centroids()) {
			out.writeFloat(c);
		}
		out.write(m.vectors());
		for (short label : m.labels()) {
			out.writeShort(label);
		}
	}

	private static MeaningVote readMeaning(DataInputStream in, Function<String, float[]> embedder) throws IOException {
		if (!in.readBoolean()) {
			return null;
		}
		var settings = new MeaningVote.Settings(in.readInt(), in.readInt(), in.readDouble());
		int classes = in.readInt();
		int dimensions = in.readInt();
		int[] listStart = new int[in.readInt()];
		for (int i = 0; i < listStart.length; i++) {
			listStart[i] = in.readInt();
		}
		float[] centroids = new float[(listStart.length - 1) * dimensions];
		for (int i = 0; i < centroids.length; i++) {
			centroids[i] = in.readFloat();
		}
		int n = listStart[listStart.length - 1];
		byte[] vectors = new byte[n * dimensions];
		in.readFully(vectors);
		short[] labels = new short[n];
		for (int i = 0; i < n; i++) {
			labels[i] = in.readShort();
		}
		return new MeaningVote(settings, classes, dimensions, centroids, listStart, vectors, labels, embedder);
	}

	private static void writeVarInt(DataOutputStream out, int value) throws IOException {
		while ((value & ~0x7F) != 0) {
			out.writeByte((value & 0x7F) | 0x80);
			value >>>= 7;
		}
		out.writeByte(value);
	}

	private static int readVarInt(DataInputStream in) throws IOException {
		int value = 0;
		for (int shift = 0;; shift += 7) {
			int b = in.readUnsignedByte();
			value |= (b & 0x7F) << shift;
			if ((b & 0x80) == 0) {
				return value;
			}
		}
	}

	private static TextClassifier read(DataInputStream in, boolean withVote, boolean withHeads) throws IOException {
		int blockCount = in.readInt();
		int[] bits = new int[blockCount];
		boolean[] words = new boolean[blockCount];
		boolean[] chars = new boolean[blockCount];
		int[] minChar = new int[blockCount];
		int[] maxChar = new int[blockCount];
		for (int b = 0; b < blockCount; b++) {
			bits[b] = in.readInt();
			words[b] = in.readBoolean();
			chars[b] = in.readBoolean();
			minChar[b] = in.readInt();
			maxChar[b] = in.readInt();
		}
		int documents = in.readInt();
		List<String> labels = new ArrayList<>();
		int classes = in.readInt();
		for (int k = 0; k < classes; k++) {
			labels.add(in.readUTF());
		}
		float[] bias = new float[classes];
		for (int k = 0; k < classes; k++) {
			bias[k] = in.readFloat();
		}
		int size = in.readInt();
		int[] keys = new int[size];
		float[] idf = new float[size];
		for (int i = 0; i < size; i++) {
			keys[i] = in.readInt();
			idf[i] = in.readFloat();
		}
		float[] weights = new float[size * classes];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = in.readFloat();
		}
		NeighbourVote vote = withVote && in.readBoolean() ? readVote(in, classes) : null;
		FeatureHasher[] blocks = new FeatureHasher[blockCount];
		for (int b = 0; b < blockCount; b++) {
			int head = withHeads ? in.readInt() : 0;
			float weight = withHeads ? in.readFloat() : 1f;
			blocks[b] = new FeatureHasher(bits[b], words[b], chars[b], minChar[b], maxChar[b], head, weight);
		}
		return new TextClassifier(blocks, documents, labels, new FeatureTable(keys, idf, weights, classes), bias, vote);
	}
}
