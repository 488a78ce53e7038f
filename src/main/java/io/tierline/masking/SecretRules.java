package io.tierline.masking;

import java.util.List;
import java.util.regex.Matcher;

/**
 * The patterns, most specific first: a value a provider pattern already masked is skipped by the
 * generic pair and header rules ({@code (?!\[masked)}), so it keeps its more precise kind.
 * Every quantifier is bounded and most are possessive: no pattern backtracks more than a few
 * hundred steps from any position, whatever the input.
 */
final class SecretRules {

	private static final String NOT_MASKED = "(?!\\[masked)";

	/**
	 * PEM and PGP blocks; when the END line is missing (a truncated paste), the base64 lines after
	 * BEGIN. The body stops at the first run of five dashes, so many BEGIN lines without an END
	 * cost one pass, not one pass each.
	 */
	static final SecretRule PRIVATE_KEYS = SecretRule.of(SecretKind.PRIVATE_KEY,
			"(?<s>-----BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----(?:(?:[^-]|-(?!----)){0,20000}+-----END [A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----"
					+ "|(?:[ \\t]*(?:\\r?\\n|\\\\n)[ \\t]*(?:[A-Za-z0-9+/=]{8,200}+|[A-Za-z-]{1,30}+: [^\\r\\n]{0,200}+))*+))")
		.onlyWith("-----BEGIN ");

	/** {@code scheme://user:password@host}: only the password; the last {@code @} before the path ends it. */
	static final SecretRule URL_PASSWORDS = SecretRule.of(SecretKind.URL_PASSWORD,
			"://[^\\s:/?#@\\[\\]]{0,200}+:" + NOT_MASKED + "(?<s>[^\\s/?#]{1,200})@(?=[^\\s@/?#:])").onlyWith("://");

	/** AWS access key ids (the secret keys and Azure account keys are {@link #PAIRS}). */
	static final SecretRule AWS_KEY_IDS = SecretRule.of(SecretKind.CLOUD_ACCESS_KEY,
			"(?<s>A(?<![A-Za-z0-9_]A)(?:KIA|SIA|BIA|CCA)[A-Z0-9]{16})(?![A-Za-z0-9_])")
		.onlyWith("AKIA", "ASIA", "ABIA", "ACCA");

	/**
	 * Tokens whose prefix names the provider, grouped by first letter so that most positions fail
	 * at the first character.
	 */
	static final SecretRule PROVIDER_KEYS = SecretRule.of(SecretRules::providerKey, "(?=[ghxrsSAynp])(?<![A-Za-z0-9_])(?<s>"
			+ String.join("|",
					"g(?:h[pousr]_[A-Za-z0-9]{36,255}+|ithub_pat_[A-Za-z0-9_]{22,255}+|lpat-[A-Za-z0-9_-]{20,100}+)", // GitHub, GitLab
					"xox[abprs]-[A-Za-z0-9-]{10,250}+", // Slack
					"h(?:ooks\\.slack\\.com/services/[A-Za-z0-9]{6,20}+/[A-Za-z0-9]{6,20}+/[A-Za-z0-9]{16,40}+|f_[A-Za-z0-9]{30,40}+)", // Hugging Face
					"rk_(?:live|test)_[A-Za-z0-9]{16,247}+", // Stripe restricted keys
					"s(?:k_(?:live|test)_[A-Za-z0-9]{16,247}+" // Stripe secret keys
							+ "|k-(?:proj-|svcacct-|admin-|ant-[a-z0-9]{2,10}-)?[A-Za-z0-9_-]{20,300}+" // OpenAI, Anthropic
							+ "|hp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}(?![A-Za-z0-9]))", // Shopify
					"S(?:G\\.[A-Za-z0-9_-]{16,32}+\\.[A-Za-z0-9_-]{16,64}+|K[0-9a-fA-F]{32}(?![A-Za-z0-9]))", // SendGrid, Twilio
					"AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])", // Google API key
					"ya29\\.[0-9A-Za-z_-]{20,2000}+", // Google OAuth access token
					"npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])") // npm
			+ ")")
		.onlyWith("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox", "hooks.slack.com/", "hf_", "rk_", "sk_", "sk-",
				"shp", "SG.", "SK", "AIza", "ya29.", "npm_");

	static final SecretRule JWTS = SecretRule.of(SecretKind.JWT,
			"(?<s>eyJ(?<![A-Za-z0-9_-]eyJ)[A-Za-z0-9_-]{8,4096}+\\.ey[A-Za-z0-9_-]{8,8192}+\\.[A-Za-z0-9_-]{8,4096}+)").onlyWith("eyJ");

	/** {@code Bearer <token>} and {@code Authorization: Basic <base64 of user:password>}. */
	static final SecretRule HEADERS = SecretRule.of(SecretRules::header,
			"(?i)[ab](?<![a-z0-9_][ab])(?:earer[ \\t]{1,5}+" + NOT_MASKED + "(?<s>[A-Za-z0-9._~+/-]{16,4096}+=*+)"
					+ "|uthorization:[ \\t]{0,5}+basic[ \\t]{1,5}+" + NOT_MASKED + "(?<t>[A-Za-z0-9+/]{8,4096}+=*+))")
		.onlyWithIgnoringCase("bearer", "authorization:");

	/** Key names whose value is a secret, grouped by first letter; the longer name of a pair comes first. */
	private static final String KEYS = "(?<key>a(?:ws_?secret_?(?:access_?)?key|ccountkey|pi[_-]?key|ccess[_-]?(?:token|key)|uth[_-]?token)"
			+ "|p(?:assw(?:or)?d|wd|assphrase|rivate[_-]?key)|s(?:ecret_?access_?key|haredaccesskey|ecret|ession[_-]?token)"
			+ "|client[_-]?secret|refresh[_-]?token|token)";

	/** Every name {@link #KEYS} matches contains one of these (lower case): the cheap test before the pattern. */
	private static final String[] KEY_LITERALS = { "token", "key", "passw", "pwd", "passphrase", "secret" };

	/**
	 * {@code key=value}, {@code key: value}, {@code "key": "value"}, {@code KEY_PASSWORD=value},
	 * {@code dbPassword=value}: anything may come before the key name, nothing but the separator
	 * after it. A quoted value ends at its quote; an unquoted one at white space, a quote, {@code & ; , < >}.
	 */
	static final SecretRule PAIRS = SecretRule.of(SecretRules::pair, "(?i)(?=[acprst])" + KEYS
			+ "(?![a-z0-9])[\"']?[ \\t]{0,3}+(?<sep>:=?|=>?)[ \\t]{0,3}+(?:(?<q>[\"'])" + NOT_MASKED + "(?<s>[^\"'\\r\\n]{1,300}+)\\k<q>|"
			+ NOT_MASKED + "(?<t>[^\\s\"'<>&;,]{1,300}+)(?:(?=[ \\t]*+(?:\\r?\\n|\\z))(?<eol>))?)")
		.onlyWithIgnoringCase(KEY_LITERALS)
		.onlyWith(":", "=");

	/** {@code <password>value</password>}, {@code <db:secret>value</db:secret>}. */
	static final SecretRule XML_ELEMENTS = SecretRule.of(SecretRules::xmlElement,
			"(?i)<(?<tag>(?:[A-Za-z0-9-]{0,30}[_:-])?" + KEYS + ")>" + NOT_MASKED + "(?<s>[^<\\r\\n]{1,300}+)</\\k<tag>>").onlyWith("</")
		.onlyWithIgnoringCase(KEY_LITERALS);

	/** The shortest card number {@link #CARDS} takes has 13 digits (\\d is ASCII only here). */
	private static final int CARD_DIGITS_MIN = 13;

	/**
	 * Groups of four (Visa, Mastercard), 4-6-5 (Amex), 4-6-4 (Diners) or 13–19 digits in a row, not
	 * part of a longer token, a decimal or a UUID. The secret is the whole match: the pattern starts
	 * with a plain character class, the cheapest first step for a position that holds no digit.
	 */
	static final SecretRule CARDS = SecretRule.of(m -> Luhn.valid(m.group()) ? SecretKind.CARD_NUMBER : null,
			"[2-6](?<![\\w.+-][2-6])(?:\\d{12,18}|\\d{3}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?|(?<=3)\\d{3}[ -]\\d{6}[ -]\\d{4,5})(?!\\w|[.-]\\w)")
		.onlyWhen((text, lowerCase) -> digits(text, CARD_DIGITS_MIN));

	static final List<SecretRule> ALL = List.of(PRIVATE_KEYS, URL_PASSWORDS, AWS_KEY_IDS, PROVIDER_KEYS, JWTS, HEADERS, PAIRS,
			XML_ELEMENTS, CARDS);

	private SecretRules() {
	}

	private static SecretKind providerKey(Matcher m) {
		// "sk-" also starts ordinary hyphenated words; real keys always mix digits in
		return !m.group("s").startsWith("sk-") || hasDigit(m.group("s")) ? SecretKind.API_KEY : null;
	}

	private static SecretKind header(Matcher m) {
		if (m.group("t") != null) {
			return SecretKind.BASIC_AUTH;
		}
		// "the bearer of" is prose; a token has digits
		return hasDigit(m.group("s")) ? SecretKind.BEARER_TOKEN : null;
	}

	/**
	 * After a colon in prose ("my password: it stopped working") an unquoted word of letters is not a
	 * secret, unless it stands alone at the end of its line ({@code password: hunter} in YAML).
	 */
	private static SecretKind pair(Matcher m) {
		String value = m.group("s") != null ? m.group("s") : m.group("t");
		boolean prose = m.group("t") != null && m.group("sep").equals(":") && value.chars().allMatch(Character::isLetter)
				&& m.group("eol") == null;
		return prose ? null : kindOf(m.group("key"));
	}

	private static SecretKind xmlElement(Matcher m) {
		return kindOf(m.group("key"));
	}

	private static SecretKind kindOf(String key) {
		String k = key.toLowerCase(java.util.Locale.ROOT);
		if (k.startsWith("aws") || k.startsWith("secret_") || k.startsWith("secretaccess") || k.endsWith("accountkey")
				|| k.equals("sharedaccesskey")) {
			return SecretKind.CLOUD_ACCESS_KEY;
		}
		return k.startsWith("pass") || k.equals("pwd") ? SecretKind.PASSWORD : SecretKind.SECRET_VALUE;
	}

	/** Whether {@code text} holds at least {@code min} ASCII digits. */
	static boolean digits(String text, int min) {
		int seen = 0;
		for (int i = 0, n = text.length(); i < n && seen < min; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				seen++;
			}
		}
		return seen >= min;
	}

	private static boolean hasDigit(String s) {
		return s.chars().anyMatch(Character::isDigit);
	}
}
