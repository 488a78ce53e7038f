package io.tierline.masking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskingTests {

	private final SecretMasking masking = new SecretMasking();

	@Test
	void countsEachSecretByKind() {
		Masked masked = masking.mask("password=a1 and pwd=b2, card 4111111111111111, key AKIAIOSFODNN7EXAMPLE");
		assertThat(masked.found()).containsEntry(SecretKind.PASSWORD, 2).containsEntry(SecretKind.CARD_NUMBER, 1)
			.containsEntry(SecretKind.CLOUD_ACCESS_KEY, 1).hasSize(3);
		assertThat(masked.kinds()).containsExactly(SecretKind.PASSWORD, SecretKind.CLOUD_ACCESS_KEY, SecretKind.CARD_NUMBER);
	}

	@Test
	void returnsNullAndEmptyTextAsTheyCame() {
		assertThat(masking.mask(null).text()).isNull();
		assertThat(masking.mask("").text()).isEmpty();
		assertThat(masking.mask(null).any()).isFalse();
	}

	@Test
	void masksEverySecretOfALongLogAndLeavesTheRestAsItWas() {
		String line = "2026-03-02T09:15:00Z INFO req=123e4567-e89b-12d3-a456-426614174000 user=dana@customer.test took 42 ms\n";
		String secret = "2026-03-02T09:15:01Z DEBUG Authorization: Bearer abc123def456ghi789jkl012 password=hunter2\n";
		var log = new StringBuilder();
		int secrets = 0;
		while (log.length() < 1_000_000) {
			log.append(line);
			if (log.length() % 50 < line.length() % 50) {
				log.append(secret);
				secrets++;
			}
		}
		Masked masked = masking.mask(log.toString());
		assertThat(masked.text()).doesNotContain("hunter2", "abc123def456ghi789jkl012");
		assertThat(masked.found()).containsEntry(SecretKind.BEARER_TOKEN, secrets).containsEntry(SecretKind.PASSWORD, secrets).hasSize(2);
		assertThat(masked.text().replace(
				"Bearer [masked: bearer token] password=[masked: password]", "Bearer abc123def456ghi789jkl012 password=hunter2"))
			.isEqualTo(log.toString());
	}

	@Test
	void finishesOnAMegabyteOfBeginLinesWithoutAnEnd() {
		String begins = "-----BEGIN RSA PRIVATE KEY-----\n".repeat(35_000);
		Masked masked = masking.mask(begins);
		assertThat(masked.found()).containsEntry(SecretKind.PRIVATE_KEY, 35_000);
		assertThat(masked.text()).isEqualTo("[masked: private key]\n".repeat(35_000));
	}

	@Test
	void finishesOnAMegabyteOfTextMadeToMakeRegexesBacktrack() {
		String hostile = "a".repeat(300_000) + "-----BEGIN PRIVATE KEY-----" + "password=".repeat(20_000) + "https://u:".repeat(20_000)
				+ "eyJ".repeat(30_000) + "4 ".repeat(100_000) + "x@".repeat(50_000);
		assertThat(hostile.length()).isGreaterThan(1_000_000);
		Masked masked = masking.mask(hostile);
		assertThat(masked.text()).startsWith("a".repeat(300_000) + "[masked: private key]password=[masked: password]")
			.endsWith("eyJ".repeat(30_000) + "4 ".repeat(100_000) + "x@".repeat(50_000));
		assertThat(masked.found()).containsEntry(SecretKind.PRIVATE_KEY, 1).containsOnlyKeys(SecretKind.PRIVATE_KEY, SecretKind.PASSWORD);
	}
}
