package io.tierline.masking;

/**
 * What kind of secret was masked. The label is what people read, in the marker that replaces the
 * secret ({@code [masked: API key]}) and on the ticket page.
 */
public enum SecretKind {

	/** Provider API keys and tokens: GitHub, GitLab, Slack, Stripe, OpenAI, SendGrid, Twilio, npm, Google … */
	API_KEY("API key"),
	/** The value of an {@code Authorization: Bearer} header or a {@code Bearer …} token. */
	BEARER_TOKEN("bearer token"),
	/** The user and password of an {@code Authorization: Basic} header. */
	BASIC_AUTH("basic auth credentials"),
	/** A JSON Web Token: three base64url parts, the first starting {@code eyJ}. */
	JWT("JWT"),
	/** The password of {@code scheme://user:password@host}; the user and host stay. */
	URL_PASSWORD("password in URL"),
	/** The value of a {@code password=}, {@code passwd:}, {@code pwd=} … pair; the key stays. */
	PASSWORD("password"),
	/** The value of a {@code secret=}, {@code api_key=}, {@code token=} … pair; the key stays. */
	SECRET_VALUE("secret value"),
	/** A PEM or PGP private key block, also inside a JSON string (GCP service-account keys). */
	PRIVATE_KEY("private key"),
	/** AWS access key ids and secret access keys, Azure storage account keys. */
	CLOUD_ACCESS_KEY("cloud access key"),
	/** 13–19 digits that pass the Luhn check; the last four digits stay. */
	CARD_NUMBER("card number");

	private final String label;

	SecretKind(String label) {
		this.label = label;
	}

	/** How people read this kind, e.g. {@code API key}. */
	public String label() {
		return label;
	}
}
