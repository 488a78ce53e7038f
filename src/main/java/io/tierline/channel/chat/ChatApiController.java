package io.tierline.channel.chat;

import java.util.List;

import io.tierline.access.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chats for integrations (SPEC §12): the queue of waiting chats, a chat's transcript, a client's chat settings. */
@RestController
@RequestMapping("/api/v1")
class ChatApiController {

	private final ChatReading reading;

	ChatApiController(ChatReading reading) {
		this.reading = reading;
	}

	record SettingsRequest(Boolean enabled, List<String> allowedOrigins) {
	}

	/** {@code ?state=WAITING} (default), ACTIVE, ENDED, MESSAGE_LEFT or ABANDONED; oldest first, keyset by {@code after}. */
	@GetMapping("/chats")
	ChatReading.Page chats(Caller caller, @RequestParam(required = false) String state,
			@RequestParam(required = false) String client, @RequestParam(required = false) Long after,
			@RequestParam(required = false) Integer limit) {
		return reading.list(caller, state, client, after, limit);
	}

	@GetMapping("/chats/{id}")
	ChatReading.Transcript chat(Caller caller, @PathVariable long id) {
		return reading.transcript(caller, id);
	}

	@GetMapping("/clients/{client}/chat-settings")
	ChatReading.SettingsView settings(Caller caller, @PathVariable String client) {
		return reading.settings(caller, client);
	}

	@PutMapping("/clients/{client}/chat-settings")
	ChatReading.SettingsView saveSettings(Caller caller, @PathVariable String client, @RequestBody SettingsRequest request) {
		return reading.saveSettings(caller, client, request.enabled(), request.allowedOrigins());
	}
}
