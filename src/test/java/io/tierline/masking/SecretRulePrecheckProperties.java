package io.tierline.masking;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prechecks only save time: masking with them gives exactly what running every pattern on
 * every text gives, on the corpus and on texts made of the pieces secrets are made of.
 */
class SecretRulePrecheckProperties {

	private static final List<SecretRule> WITHOUT_PRECHECKS = SecretRules.ALL.stream()
		.map(r -> new SecretRule(r.pattern(), r.groups(), r.classify(), (text, lowerCase) -> true))
		.toList();

	private final SecretMasking masking = new SecretMasking();

	@ParameterizedTest
	@MethodSource("corpus")
	void theCorpusIsMaskedAsWithoutPrechecks(String text) {
		assertSame(text);
	}

	@Property(tries = 3000)
	void piecesOfSecretsAreMaskedAsWithoutPrechecks(@ForAll("piecesOfSecrets") String text) {
		assertSame(text);
	}

	@Provide
	Arbitrary<String> piecesOfSecrets() {
		Arbitrary<String> piece = Arbitraries.oneOf(
				Arbitraries.of("password", "Passwd", "PWD", "passphrase", "api_key", "ApiKey", "TOKEN", "secret", "client-secret",
						"AccountKey", "private_key", "Bearer ", "authorization: basic ", "AKIA", "ASIA", "ghp_", "github_pat_", "glpat-",
						"xoxb-", "hf_", "sk_live_", "sk-", "shpat_", "SG.", "SK", "AIza", "ya29.", "npm_", "eyJ", ".ey", "://", "@", ":", "=",
						"=>", "\"", "'", "<", "</", ">", " ", "\t", "\n", "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----",
						"4111 1111 1111 1111", "378282246310005", "-", "[masked: password]"),
				Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(20),
				Arbitraries.strings().alpha().numeric().withChars("_-./+").ofMinLength(1).ofMaxLength(40));
		return piece.list().ofMaxSize(14).map(pieces -> String.join("", pieces));
	}

	static Stream<String> corpus() {
		return Stream.concat(SecretMaskingCorpusTests.secrets().map(a -> (String) a.get()[0]), SecretMaskingCorpusTests.ordinaryText());
	}

	private void assertSame(String text) {
		Map<SecretKind, Integer> found = new EnumMap<>(SecretKind.class);
		String expected = text;
		for (SecretRule rule : WITHOUT_PRECHECKS) {
			expected = rule.apply(expected, found);
		}
		Masked masked = masking.mask(text);
		assertThat(masked.text()).isEqualTo(expected);
		assertThat(masked.found()).isEqualTo(found);
	}
}
