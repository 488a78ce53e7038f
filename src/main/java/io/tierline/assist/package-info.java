/**
 * Tier-2 agent assist (SPEC §6, issue 8): for a ticket at T1 or T2, similar solved tickets with
 * how they were resolved, suggested articles and known issues, a digest of attached logs matched
 * to known-issue signatures, an extractive summary of the thread with a pre-filled escalation
 * template, and an optional generative draft reply. Suggestions only: a person sends every reply.
 * Each suggestion records whether the agent used it, for the usefulness report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent assist")
package io.tierline.assist;
