/**
 * Tier-0 self-service (SPEC §6): a requester describes a problem, the assistant answers from the
 * client's published public articles (quoting the passage, linking the article) and offers matching
 * diagnostic trees; the session ends deflected or escalated into a ticket that carries the transcript.
 * Sessions are kept for the deflection KPIs (SPEC §7), with re-contacts on the same topic.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-service")
package io.tierline.selfservice;
