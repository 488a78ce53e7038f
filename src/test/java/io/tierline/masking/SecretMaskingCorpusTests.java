package io.tierline.masking;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The corpus: every pattern masks what it should and nothing more, and ordinary text a support
 * desk sees every day (ids, hashes, numbers, prose about passwords) comes out unchanged.
 */
class SecretMaskingCorpusTests {

	private final SecretMasking masking = new SecretMasking();

	static Stream<Arguments> secrets() {
		return Stream.of(
				arguments("aws key AKIAIOSFODNN7EXAMPLE in config", "aws key [masked: cloud access key] in config", SecretKind.CLOUD_ACCESS_KEY),
				arguments("temporary ASIAY34FZKBOKMUTVV7A", "temporary [masked: cloud access key]", SecretKind.CLOUD_ACCESS_KEY),
				arguments("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
						"aws_secret_access_key = [masked: cloud access key]", SecretKind.CLOUD_ACCESS_KEY),
				arguments("export AWS_SECRET_ACCESS_KEY=\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"",
						"export AWS_SECRET_ACCESS_KEY=\"[masked: cloud access key]\"", SecretKind.CLOUD_ACCESS_KEY),
				arguments("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net",
						"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=[masked: cloud access key];EndpointSuffix=core.windows.net",
						SecretKind.CLOUD_ACCESS_KEY),
				arguments("maps key AIzaSyA1234567890abcdefghijklmnopqrstuv.", "maps key [masked: API key].", SecretKind.API_KEY),
				arguments("{\"type\": \"service_account\", \"private_key_id\": \"0123456789abcdef0123456789abcdef01234567\", "
						+ "\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n\"}",
						"{\"type\": \"service_account\", \"private_key_id\": \"0123456789abcdef0123456789abcdef01234567\", "
								+ "\"private_key\": \"[masked: private key]\\n\"}", SecretKind.PRIVATE_KEY),
				arguments("git push with ghp_1234567890abcdefghijklmnopqrstuvwxyz failed", "git push with [masked: API key] failed", SecretKind.API_KEY),
				arguments("token gho_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "token [masked: API key]", SecretKind.API_KEY),
				arguments("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRS", "[masked: API key]", SecretKind.API_KEY),
				arguments("CI_TOKEN glpat-Abc123def456GHI789jk", "CI_TOKEN [masked: API key]", SecretKind.API_KEY),
				arguments("slack xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "slack [masked: API key]", SecretKind.API_KEY),
				arguments("posting to https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/AbCdEfGhIjKlMnOpQrStUvWx",
						"posting to https://[masked: API key]", SecretKind.API_KEY),
				arguments("Stripe.apiKey = sk_live_4eC39HqLyjWDarjtT1zdp7dc;", "Stripe.apiKey = [masked: API key];", SecretKind.API_KEY),
				arguments("restricted rk_live_51H8abcDEFghiJKLmnoPQR", "restricted [masked: API key]", SecretKind.API_KEY),
				arguments("test mode sk_test_51H8abcDEFghiJKLmnoPQR works", "test mode [masked: API key] works", SecretKind.API_KEY),
				arguments("OPENAI sk-proj-Ab3dEfGh1jKlMnOpQrStUvWxYz0123456789_abcDEF", "OPENAI [masked: API key]", SecretKind.API_KEY),
				arguments("old key sk-aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2yZ3aB4cD5eF6", "old key [masked: API key]", SecretKind.API_KEY),
				arguments("SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "[masked: API key]", SecretKind.API_KEY),
				arguments("twilio SK0123456789abcdef0123456789abcdef", "twilio [masked: API key]", SecretKind.API_KEY),
				arguments("npm_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 in .npmrc", "[masked: API key] in .npmrc", SecretKind.API_KEY),
				arguments("Authorization: Bearer abc123def456ghi789jkl012", "Authorization: Bearer [masked: bearer token]", SecretKind.BEARER_TOKEN),
				arguments("curl -H 'authorization: bearer 0a1b2c3d4e5f6a7b8c9d0e1f'", "curl -H 'authorization: bearer [masked: bearer token]'",
						SecretKind.BEARER_TOKEN),
				arguments("id_token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
						"id_token=[masked: JWT]", SecretKind.JWT),
				arguments("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkYW5hIn0.c2lnbmF0dXJlX2hlcmVfMTIz",
						"Authorization: Bearer [masked: JWT]", SecretKind.JWT),
				arguments("Authorization: Basic dXNlcjpodW50ZXIy", "Authorization: Basic [masked: basic auth credentials]", SecretKind.BASIC_AUTH),
				arguments("DATABASE_URL=postgres://app:S3cr3t!@db.internal:5432/prod", "DATABASE_URL=postgres://app:[masked: password in URL]@db.internal:5432/prod",
						SecretKind.URL_PASSWORD),
				arguments("see https://bob:p@ss@example.com/x", "see https://bob:[masked: password in URL]@example.com/x", SecretKind.URL_PASSWORD),
				arguments("redis://:hunter2@cache:6379/0", "redis://:[masked: password in URL]@cache:6379/0", SecretKind.URL_PASSWORD),
				arguments("login failed with password=hunter2 for bob", "login failed with password=[masked: password] for bob", SecretKind.PASSWORD),
				arguments("DB_PASSWORD=correct-horse", "DB_PASSWORD=[masked: password]", SecretKind.PASSWORD),
				arguments("dbPassword=Secr3t", "dbPassword=[masked: password]", SecretKind.PASSWORD),
				arguments("config.apiToken: 'abc'", "config.apiToken: '[masked: secret value]'", SecretKind.SECRET_VALUE),
				arguments("spring.datasource.password=Pa55word", "spring.datasource.password=[masked: password]", SecretKind.PASSWORD),
				arguments("{\"user\": \"bob\", \"password\": \"correct horse battery\"}", "{\"user\": \"bob\", \"password\": \"[masked: password]\"}",
						SecretKind.PASSWORD),
				arguments("passwd: s3cret!", "passwd: [masked: password]", SecretKind.PASSWORD),
				arguments("mysql -u root pwd=abc123", "mysql -u root pwd=[masked: password]", SecretKind.PASSWORD),
				arguments("db:\n  user: app\n  password: hunter\n", "db:\n  user: app\n  password: [masked: password]\n", SecretKind.PASSWORD),
				arguments("<config><password>hunter2</password></config>", "<config><password>[masked: password]</password></config>", SecretKind.PASSWORD),
				arguments("secret=abcd and more", "secret=[masked: secret value] and more", SecretKind.SECRET_VALUE),
				arguments("api_key=abcd1234", "api_key=[masked: secret value]", SecretKind.SECRET_VALUE),
				arguments("callback https://app.test/cb?token=abc123&state=ok", "callback https://app.test/cb?token=[masked: secret value]&state=ok",
						SecretKind.SECRET_VALUE),
				arguments("client_secret: 'xyz987'", "client_secret: '[masked: secret value]'", SecretKind.SECRET_VALUE),
				arguments("headers: {\"x-api-key\": \"k-123-abc\"}", "headers: {\"x-api-key\": \"[masked: secret value]\"}", SecretKind.SECRET_VALUE),
				arguments("key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx3v\nq9Zt0abcdEFGH\n-----END RSA PRIVATE KEY-----\nthanks",
						"key:\n[masked: private key]\nthanks", SecretKind.PRIVATE_KEY),
				arguments("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----",
						"[masked: private key]", SecretKind.PRIVATE_KEY),
				arguments("pasted:\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSkrqbEdRQ5\nAwEHoUQDQgAE3v\n\nit was cut off",
						"pasted:\n[masked: private key]\n\nit was cut off", SecretKind.PRIVATE_KEY),
				arguments("card 4111 1111 1111 1111 was declined", "card [masked: card ending 1111] was declined", SecretKind.CARD_NUMBER),
				arguments("4111-1111-1111-1111", "[masked: card ending 1111]", SecretKind.CARD_NUMBER),
				arguments("mc 5500005555555559.", "mc [masked: card ending 5559].", SecretKind.CARD_NUMBER),
				arguments("amex 3782 822463 10005", "amex [masked: card ending 0005]", SecretKind.CARD_NUMBER),
				arguments("card 4242424242424242 exp 12/27", "card [masked: card ending 4242] exp 12/27", SecretKind.CARD_NUMBER),
				arguments("number,4012888888881881,visa", "number,[masked: card ending 1881],visa", SecretKind.CARD_NUMBER));
	}

	static Stream<String> ordinaryText() {
		return Stream.of(
				"request id 123e4567-e89b-12d3-a456-426614174000",
				"trace 12345678-1234-5678-1234-567812345678 failed",
				"fixed in commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
				"fixed in 9fceb02, reverted in a1b2c3d4e5f6",
				"md5 d41d8cd98f00b204e9800998ecf8427e sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
				"order #A-20391 and order 4000123",
				"see ACME-1042 and GLOBEX-1001",
				"4111 1111 1111 1112 fails the check",
				"invoice 1234567890123456 is not a card",
				"epoch 1712345678901 ms",
				"call +1 415 555 0100 or +44 20 7946 0958",
				"server 192.168.10.254 and fe80::1ff:fe23:4567:890a",
				"at 2026-03-02T09:15:00Z, 2026-03-02 10:00:00",
				"https://example.com:8443/path?q=1&page=2",
				"jdbc:postgresql://db:5432/app?user=app",
				"I reset my password yesterday and the token expired.",
				"The password: it stopped working after the update.",
				"Forgot password? Click the link to reset it.",
				"the bearer of this letter",
				"we use sk-learn and scikit",
				"the task-scheduler-component-for-background jobs",
				"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
				"mail bob@example.com about it",
				"version 2.14.3-rc1 on build 20260302",
				"total $1,234,567.89",
				"value 0.4111111111111111",
				"2026-03-02 ERROR AUTH-401 token expired",
				"tokens: 5 left, passwords: 2 resets",
				"password_hash column is indexed",
				"an AKIA prefix means an AWS key",
				"already [masked: API key] and password=[masked: password]",
				"Passwort: bitte zurücksetzen und dann erneut versuchen",
				"IBAN DE89 3704 0044 0532 0130 00",
				"ref 5105105105105101 and build 20260302123045",
				"x-request-id: 3f2a9c1e-77b4-4d21-9a0e-5c2b8f1d0e44, sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709",
				"the secret: nobody knows");
	}

	@ParameterizedTest
	@MethodSource("secrets")
	void masksTheSecretAndNothingElse(String input, String expected, SecretKind kind) {
		Masked masked = masking.mask(input);
		assertThat(masked.text()).isEqualTo(expected);
		assertThat(masked.kinds()).containsExactly(kind);
	}

	@ParameterizedTest
	@MethodSource("secrets")
	void maskingMaskedTextChangesNothing(String input, String expected, SecretKind kind) {
		assertThat(masking.mask(expected).text()).isEqualTo(expected);
		assertThat(masking.mask(expected).any()).isFalse();
	}

	@ParameterizedTest
	@MethodSource("ordinaryText")
	void leavesOrdinaryTextAlone(String text) {
		Masked masked = masking.mask(text);
		assertThat(masked.text()).isEqualTo(text);
		assertThat(masked.any()).isFalse();
	}
}
