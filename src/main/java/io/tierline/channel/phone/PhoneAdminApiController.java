package io.tierline.channel.phone;

import java.util.Map;

import io.tierline.access.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A client's telephony settings for its admins: enable calls and SMS, (re)generate the signing secret. */
@RestController
class PhoneAdminApiController {

	private final PhoneAdmin admin;

	PhoneAdminApiController(PhoneAdmin admin) {
		this.admin = admin;
	}

	/** Absent flags keep their value. */
	record Flags(Boolean callsEnabled, Boolean smsEnabled) {
	}

	@GetMapping("/api/v1/admin/phone/{client}")
	PhoneAdmin.View get(Caller caller, @PathVariable String client) {
		return admin.get(caller, client);
	}

	@PutMapping("/api/v1/admin/phone/{client}")
	PhoneAdmin.View put(Caller caller, @PathVariable String client, @RequestBody Flags flags) {
		var now = admin.get(caller, client);
		return admin.enable(caller, client, flags.callsEnabled() == null ? now.callsEnabled() : flags.callsEnabled(),
				flags.smsEnabled() == null ? now.smsEnabled() : flags.smsEnabled());
	}

	/** The only answer that carries the secret: keep it, it is not shown again. */
	@PostMapping("/api/v1/admin/phone/{client}/secret")
	Map<String, String> secret(Caller caller, @PathVariable String client) {
		return Map.of("client", client, "secret", admin.newSecret(caller, client));
	}
}
