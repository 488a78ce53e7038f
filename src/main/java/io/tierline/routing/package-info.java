/**
 * Routing and assignment (SPEC §1, §2; issue 9): per queue a strategy (manual, round robin, least
 * loaded, skills), the teams that work it (internal, external or both: co-managed) and whether it
 * is dedicated; per agent an availability, a capacity, working hours and skills. Assigns a new
 * ticket in the transaction that opens it, under row locks so capacity is never exceeded, and
 * reassigns on SLA breach and when an agent goes away. Every assignment is an ASSIGNED ticket
 * event with its reason. Reacts to ticket and SLA events; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package io.tierline.routing;
