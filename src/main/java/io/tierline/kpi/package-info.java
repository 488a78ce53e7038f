/**
 * KPIs (SPEC §7): a projection of ticket events into per-ticket facts, and set-based queries
 * over them for any period, grouping and {@code asOf}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "KPIs")
package io.tierline.kpi;
