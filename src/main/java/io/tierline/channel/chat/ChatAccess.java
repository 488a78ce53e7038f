package io.tierline.channel.chat;

import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.OnboardingStage;
import io.tierline.common.NotFoundException;
import io.tierline.common.Tier;

/**
 * Who may see and take a client's chats (SPEC §1). A chat is a T1 ticket of no particular queue or
 * category, so it needs a grant that covers exactly that. Only an INDEPENDENT agent serves chats:
 * a SHADOW agent may not write, and a SUPERVISED agent's replies wait for a lead, which a live
 * conversation cannot.
 */
final class ChatAccess {

	private ChatAccess() {
	}

	/** Reads the client's chats (and their transcripts): agents with a covering grant, admins, auditors. */
	static boolean mayRead(Caller caller, long clientId) {
		return caller.canSeeTicket(clientId, null, null, Tier.T1, -1L);
	}

	/** Sees the client's waiting chats live and accepts them. */
	static boolean mayServe(Caller caller, long clientId) {
		return caller.worksFor(clientId) && caller.canSeeTicket(clientId, null, null, Tier.T1, -1L)
				&& caller.stageAt(clientId) == OnboardingStage.INDEPENDENT;
	}

	static List<Long> readableClients(Caller caller, AccessManagement access) {
		return access.clients().stream().map(c -> c.id()).filter(id -> mayRead(caller, id)).toList();
	}

	static List<Long> servedClients(Caller caller, AccessManagement access) {
		return access.clients().stream().map(c -> c.id()).filter(id -> mayServe(caller, id)).toList();
	}

	/** A chat the caller may not read does not exist for them (the same answer as for a wrong id). */
	static Chat readable(Caller caller, Chat chat) {
		if (!mayRead(caller, chat.clientId())) {
			throw new NotFoundException("Chat " + chat.id());
		}
		return chat;
	}
}
