/**
 * Triage at intake (SPEC §6, issue 8): every new ticket gets a suggested category, queue and
 * severity from a model learned from the client's own solved tickets (or the admin's keyword rules
 * while the client has too little history), applied above the client's confidence threshold and
 * otherwise offered to the agent; models are versioned and retrained on a schedule and on demand,
 * and the online accuracy (suggestion kept or changed) is reported. Also the {@code eval-triage}
 * command.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage")
package io.tierline.triage;
