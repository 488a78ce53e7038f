package io.tierline.knowledge.internal;

import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.OnboardingStage;
import io.tierline.access.Role;
import io.tierline.common.ForbiddenException;
import io.tierline.common.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Who may do what with a client's knowledge base (SPEC §1, §5). Staff of the client (agents with
 * a grant on it, its admins, auditors and knowledge reviewers, the provider admin) read every
 * article of it; its requesters read only what is published for the public; anybody else is told
 * the article does not exist. Provider agents draft and propose edits; only the client's
 * knowledge reviewers and admins publish, reject or archive, because the client owns its
 * knowledge.
 */
@Component
public class ArticleAccess {

	private final AccessManagement access;

	ArticleAccess(AccessManagement access) {
		this.access = access;
	}

	/** How the caller reads a client's library; NONE hides it entirely. */
	public enum Reading {
		STAFF, READER, NONE
	}

	public Reading reading(Caller caller, long clientId) {
		if (caller.readsWholeClient(clientId) || caller.worksFor(clientId) || caller.has(Role.KNOWLEDGE_REVIEWER, clientId)) {
			return Reading.STAFF;
		}
		return caller.has(Role.REQUESTER, clientId) ? Reading.READER : Reading.NONE;
	}

	/** The article, or "not found" exactly as for a missing one when the caller may not read it as it is now. */
	public Article readable(Caller caller, Article article, long id) {
		Reading reading = article == null ? Reading.NONE : reading(caller, article.clientId());
		if (reading == Reading.NONE || (reading == Reading.READER && !article.readable())) {
			throw new NotFoundException("Article " + id);
		}
		return article;
	}

	public List<ClientRef> clientsReadAs(Caller caller, Reading reading) {
		return access.clients().stream().filter(c -> !c.provider() && reading(caller, c.id()) == reading).toList();
	}

	public List<ClientRef> draftableClients(Caller caller) {
		return clientsReadAs(caller, Reading.STAFF).stream().filter(c -> mayDraft(caller, c.id())).toList();
	}

	/** Writing drafts and proposing edits: agents of the client past SHADOW, its admins and reviewers, the provider admin. */
	public boolean mayDraft(Caller caller, long clientId) {
		if (caller.isProviderAdmin() || mayReview(caller, clientId)) {
			return true;
		}
		return caller.worksFor(clientId) && caller.stageAt(clientId) != OnboardingStage.SHADOW;
	}

	public void requireDraft(Caller caller, long clientId) {
		if (!mayDraft(caller, clientId)) {
			throw new ForbiddenException("Only agents of this client past the SHADOW stage, its admins and knowledge reviewers write articles");
		}
	}

	/** SPEC §5: the client's knowledge reviewers approve (its admins stand in for them). */
	public boolean mayReview(Caller caller, long clientId) {
		return caller.has(Role.KNOWLEDGE_REVIEWER, clientId) || caller.isClientAdmin(clientId);
	}

	public void requireReview(Caller caller, long clientId) {
		if (!mayReview(caller, clientId)) {
			throw new ForbiddenException("Only the client's knowledge reviewers publish, reject or archive its articles; submit it for review");
		}
	}
}
