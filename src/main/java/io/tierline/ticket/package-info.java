/**
 * Tickets, their messages, attachments and events (SPEC §2): the status machine with the
 * reopen window and follow-ups, per-client numbering, replies held for supervised agents, the
 * agent queue and the requester portal. Publishes ticket events for the other modules; knows
 * none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
package io.tierline.ticket;
