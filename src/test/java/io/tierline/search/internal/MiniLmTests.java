package io.tierline.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

class MiniLmTests {

	@Test
	void embedsExactlyAsTheStockModelDoes() {
		var stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
		var ours = new MiniLm();
		for (String text : new String[] { "password reset loops back to the login page",
				"VPN drops every ten minutes since the update", "x" }) {
			float[] expected = stock.embed(text).content().vector();
			float[] actual = ours.embed(text).content().vector();
			assertThat(actual).hasSize(Embeddings.DIMENSIONS);
			for (int i = 0; i < expected.length; i++) {
				assertThat(actual[i]).isCloseTo(expected[i], within(1e-5f));
			}
		}
	}
}
