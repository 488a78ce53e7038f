package io.tierline.access;

import java.util.List;
import java.util.Optional;

/**
 * Directory of organizations, their catalogue and people, for the other modules. Reads are
 * cached in memory (the catalogue is small and changes rarely).
 */
public interface AccessManagement {

	Optional<ClientRef> clientBySlug(String slug);

	ClientRef organization(long id);

	/** Provider or client by slug. */
	Optional<ClientRef> organizationBySlug(String slug);

	List<ClientRef> clients();

	/** The provider organizations (there is one today). */
	List<ClientRef> providers();

	Optional<Long> categoryId(long clientId, String slug);

	/** @return null when id is null */
	String categorySlug(Long id);

	Optional<Long> queueId(long clientId, String slug);

	Optional<Long> productId(long clientId, String slug);

	/** @return null when id is null */
	String queueSlug(Long id);

	List<CatalogEntry> categories(long clientId);

	List<CatalogEntry> queues(long clientId);

	/**
	 * Adds a queue to the client's catalogue (issue 9: queue settings); the caller's rights are the
	 * calling module's check. {@link io.tierline.common.ConflictException} when the slug is taken.
	 */
	CatalogEntry addQueue(long clientId, String slug, String name);

	Optional<UserRef> userByEmail(String email);

	UserRef user(long id);

	/** Finds the requester by e-mail or creates them, and makes them a requester of the client. */
	UserRef requesterFor(long clientId, String email, String name);

	/** Agents who could work this ticket: a grant covers it and they are not in SHADOW stage. */
	List<UserRef> assignableAgents(long clientId, Long queueId, Long categoryId, io.tierline.common.Tier tier);

	/**
	 * The account automatic messages are written as (acknowledgements, delivery-failure notes): a
	 * user of the provider that cannot sign in, created on first use.
	 */
	UserRef automationUser();

	/** Team leads who work for the client (a grant on it), told of SLA breaches and low scores. */
	List<UserRef> teamLeadsOf(long clientId);

	/** The caller for a user, as their own session would see them (for system work and tests). */
	Caller callerFor(long userId);

	record CatalogEntry(long id, String slug, String name) {
	}
}
