package io.tierline.channel.chat;

import java.util.List;
import java.util.Map;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;

import org.springframework.stereotype.Component;

/**
 * Tells the connected people what changed: agents who serve a client get its waiting list again
 * when a chat arrives or is taken; visitors of a client learn when an agent comes or goes.
 */
@Component
class ChatBroadcasts {

	private final ChatSockets sockets;
	private final ChatDesk desk;
	private final Presence presence;
	private final AccessManagement access;

	ChatBroadcasts(ChatSockets sockets, ChatDesk desk, Presence presence, AccessManagement access) {
		this.sockets = sockets;
		this.desk = desk;
		this.presence = presence;
		this.access = access;
	}

	void waitingChanged(long clientId) {
		for (long userId : sockets.connectedAgents()) {
			Caller agent = access.callerFor(userId);
			if (ChatAccess.mayServe(agent, clientId)) {
				sockets.toAgent(userId, waitingList(agent));
			}
		}
	}

	Map<String, Object> waitingList(Caller agent) {
		List<Map<String, Object>> chats = desk.waitingFor(agent).stream().map(this::summary).toList();
		return ChatFrames.of("waiting", "chats", chats);
	}

	void presenceChanged() {
		access.clients().forEach(client -> sockets.toVisitorsOf(client.id(), presenceOf(client.id())));
	}

	Map<String, Object> presenceOf(long clientId) {
		return ChatFrames.of("presence", "online", presence.staffed(clientId));
	}

	/** A chat as the console lists it; the preview is the visitor's first line. */
	Map<String, Object> summary(Chat chat) {
		ClientRef client = access.organization(chat.clientId());
		String preview = desk.lines(chat.id()).stream().findFirst().map(ChatLine::body).orElse("");
		return ChatFrames.of("chat", "id", chat.id(), "client", client.slug(), "clientName", client.name(), "visitor",
				chat.visitorName(), "email", chat.visitorEmail(), "state", chat.state().name(), "preview", preview, "requestedAt",
				chat.requestedAt().toString());
	}
}
