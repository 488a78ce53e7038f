/**
 * Notifications (SPEC §3, §12): in-app messages, e-mail and signed outbound webhooks. Reacts to
 * the facts other modules publish by writing rows in the same transaction; workers send them
 * afterwards with retries, so a crash or restart loses nothing. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package io.tierline.notify;
