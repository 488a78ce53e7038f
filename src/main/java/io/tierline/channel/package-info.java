/**
 * Channels (SPEC §2, §11, §12): how tickets arrive and replies leave besides the web and the API —
 * e-mail in and out ({@code channel.email}), live chat ({@code channel.chat}), phone and SMS
 * ({@code channel.phone}). Adapters turn what arrives into tickets and messages through
 * {@code TicketManagement}; the ticket module knows none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package io.tierline.channel;
