package io.tierline.channel.chat;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Offers the message path to visitors nobody answered within the chat first-response target
 * (SPEC §4: 60 s). The offer is marked on the chat row, so it is made once even with several
 * nodes; the visitor may still keep waiting, and an agent may still accept.
 */
@Component
class ChatWaitSweep {

	private final Chats chats;
	private final ChatSockets sockets;
	private final VisitorSocket visitors;
	private final ChatProperties properties;
	private final Clock clock;

	ChatWaitSweep(Chats chats, ChatSockets sockets, VisitorSocket visitors, ChatProperties properties, Clock clock) {
		this.chats = chats;
		this.sockets = sockets;
		this.visitors = visitors;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tierline.chat.sweep-ms:1000}", initialDelay = 1000)
	void offerMessagesToLongWaits() {
		Instant now = clock.instant();
		for (Chat chat : chats.waitingSince(now.minus(properties.waitForAgent()))) {
			if (chats.markOffered(chat.id(), now)) {
				sockets.toVisitor(chat.id(), visitors.offer());
			}
		}
	}
}
