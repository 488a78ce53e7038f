package io.tierline.channel.chat;

import java.util.List;

import io.tierline.access.AccessManagement;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo mode: both demo clients offer chat, from any page (the demo page at {@code /chat/demo?client=acme}). */
@Component
@Order(40)
@ConditionalOnProperty(name = "tierline.demo.enabled", havingValue = "true")
class DemoChatSettings implements ApplicationRunner {

	private final AccessManagement access;
	private final ChatSettings settings;

	DemoChatSettings(AccessManagement access, ChatSettings settings) {
		this.access = access;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String slug : List.of("acme", "globex")) {
			access.clientBySlug(slug).filter(c -> settings.of(c.id()).isEmpty())
				.ifPresent(c -> settings.save(c.id(), true, List.of()));
		}
	}
}
