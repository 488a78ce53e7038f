package io.tierline.selfservice;

import io.tierline.search.internal.Embeddings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default "same topic" threshold (0.55, docs/selfservice.md) against the real embedding model:
 * paraphrases of one problem score above it, different problems below (the figures are in the docs).
 */
class SemanticSimilarityTests {

	static final double THRESHOLD = 0.55;
	static final Embeddings EMBEDDINGS = new Embeddings();

	static double cosine(String a, String b) {
		float[] x = EMBEDDINGS.embed(a);
		float[] y = EMBEDDINGS.embed(b);
		double dot = 0, nx = 0, ny = 0;
		for (int i = 0; i < x.length; i++) {
			dot += x[i] * y[i];
			nx += x[i] * x[i];
			ny += y[i] * y[i];
		}
		return dot / Math.sqrt(nx * ny);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"VPN client keeps disconnecting every hour | the vpn client disconnects again every hour",
			"I forgot my password and cannot log in | How do I reset my password?",
			"The CSV export of my report never finishes | Export to CSV times out",
			"Outlook keeps asking for my password | Outlook prompts for credentials over and over",
			"My laptop screen flickers | The display on my notebook keeps blinking",
			"Invoices show the wrong VAT rate | The tax on my bill is incorrect" })
	void paraphrasesOfOneProblemAreTheSameTopic(String a, String b) {
		assertThat(cosine(a, b)).isGreaterThanOrEqualTo(THRESHOLD);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"VPN client keeps disconnecting every hour | Printer on floor 3 shows paper jam",
			"I forgot my password and cannot log in | Sign-in loops back to the login page",
			"I forgot my password and cannot log in | CSV export times out for big reports",
			"Outlook keeps asking for my password | The VPN disconnects every hour",
			"Calendar invitations arrive twice 3f2a9c1b | the vpn client disconnects again every hour 3f2a9c1b",
			"Invoices show the wrong VAT rate | Printer on floor 3 shows paper jam" })
	void differentProblemsAreNot(String a, String b) {
		assertThat(cosine(a, b)).isLessThan(THRESHOLD);
	}
}
