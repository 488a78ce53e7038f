/**
 * Tiers and structured escalation (SPEC §3): per client and category who owns a ticket and what
 * an escalation must capture, the criteria an admin writes, escalations with their T3 decisions
 * and T4 vendor hand-overs, and the known-issue library. Publishes the facts notifications and
 * KPIs react to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package io.tierline.escalation;
