/**
 * Each client's knowledge base (SPEC §5): articles of several kinds with a review workflow
 * (draft → in review → published → archived) and every version kept, diagnostic trees with
 * their runner, macros for scripted T1 intents, and knowledge contribution from tickets.
 * Publishes past-tense article events for the search module and streams published articles
 * for an index rebuild.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package io.tierline.knowledge;
