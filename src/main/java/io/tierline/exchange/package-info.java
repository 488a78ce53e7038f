/**
 * History exchange (SPEC §14, issue 6): whole ticket histories in and out as JSON Lines, one ticket
 * a line, so a client moving from another helpdesk keeps its KPIs. Import is streamed and
 * idempotent on (client, externalId); export walks a client's tickets by creation. Tickets,
 * messages and events are written and read through the ticket module's {@code TicketHistory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "History exchange")
package io.tierline.exchange;
