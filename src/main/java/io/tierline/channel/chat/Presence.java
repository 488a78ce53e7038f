package io.tierline.channel.chat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.tierline.access.AccessManagement;

import org.springframework.stereotype.Component;

/**
 * Which agents are available for chat, as they set it in the console; an agent whose last console
 * closes is away. A client is staffed when an available agent may serve it (a T1 grant on it).
 * Per node, like the sockets (docs/chat.md).
 */
@Component
class Presence {

	private final Set<Long> available = ConcurrentHashMap.newKeySet();
	private final AccessManagement access;

	Presence(AccessManagement access) {
		this.access = access;
	}

	/** @return whether this changed the agent's presence */
	boolean set(long userId, boolean isAvailable) {
		return isAvailable ? available.add(userId) : available.remove(userId);
	}

	boolean isAvailable(long userId) {
		return available.contains(userId);
	}

	boolean staffed(long clientId) {
		return available.stream().anyMatch(id -> ChatAccess.mayServe(access.callerFor(id), clientId));
	}
}
