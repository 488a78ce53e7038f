package io.tierline.triage.internal.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Writes and reads classifiers as gzip-compressed binary (the blob of a model version). */
public final class ModelCodec {

	private static final int MAGIC = 0x54524731; // "TRG1"

	private ModelCodec() {
	}

	public static byte[] write(List<TextClassifier> classifiers) {
		var bytes = new ByteArrayOutputStream();
		try (var out = new DataOutputStream(new GZIPOutputStream(bytes))) {
			out.writeInt(MAGIC);
			out.writeInt(classifiers.size());
			for (TextClassifier c : classifiers) {
				write(c, out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	public static List<TextClassifier> read(byte[] blob) {
		try (var in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(blob)))) {
			if (in.readInt() != MAGIC) {
				throw new IllegalArgumentException("not a triage model");
			}
			int count = in.readInt();
			List<TextClassifier> classifiers = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				classifiers.add(read(in));
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
	}

	private static TextClassifier read(DataInputStream in) throws IOException {
		FeatureHasher[] blocks = new FeatureHasher[in.readInt()];
		for (int b = 0; b < blocks.length; b++) {
			blocks[b] = new FeatureHasher(in.readInt(), in.readBoolean(), in.readBoolean(), in.readInt(), in.readInt());
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
		return new TextClassifier(blocks, documents, labels, new FeatureTable(keys, idf, weights, classes), bias);
	}
}
