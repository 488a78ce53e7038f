/**
 * Organizations (provider and clients), their catalogue (queues, categories, products), teams,
 * people, roles, grants and onboarding stages; authentication of sessions, HTTP Basic and API
 * tokens. Other modules ask {@link io.tierline.access.Caller} what the current person may see
 * and use {@link io.tierline.access.AccessManagement} to resolve organizations and people.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package io.tierline.access;
