package io.tierline.channel.phone;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.tierline.support.Api;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's telephony system in tests: signs its deliveries the way docs/phone.md tells it to. */
final class Telephony {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Api api;
	private final Clock clock;
	private final String client;
	private final String secret;

	private Telephony(Api api, Clock clock, String client, String secret) {
		this.api = api;
		this.clock = clock;
		this.client = client;
		this.secret = secret;
	}

	/** Enables calls and SMS for the client as its admin and takes a fresh signing secret. */
	static Telephony setUp(int port, Clock clock, String client, String admin) {
		Api asAdmin = Api.at(port).as(admin);
		assertThat(asAdmin.put("/api/v1/admin/phone/" + client, Map.of("callsEnabled", true, "smsEnabled", true)).status())
			.isEqualTo(200);
		var secret = asAdmin.post("/api/v1/admin/phone/" + client + "/secret", Map.of());
		assertThat(secret.status()).isEqualTo(200);
		return new Telephony(Api.at(port), clock, client, secret.json().get("secret").asString());
	}

	String secret() {
		return secret;
	}

	Api.Response call(Map<String, Object> body) {
		return deliver("/api/v1/channels/phone/" + client + "/calls", JSON.writeValueAsString(body), secret, now());
	}

	Api.Response sms(Map<String, Object> body) {
		return deliver("/api/v1/channels/sms/" + client + "/messages", JSON.writeValueAsString(body), secret, now());
	}

	/** Any path, body, key and timestamp: for deliveries that should be refused. */
	Api.Response deliver(String path, String body, String key, long timestamp) {
		String ts = String.valueOf(timestamp);
		return api.post(path, body, "X-Tierline-Timestamp", ts, "X-Tierline-Signature", sign(key, ts, body));
	}

	long now() {
		return clock.instant().getEpochSecond();
	}

	static String sign(String key, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
