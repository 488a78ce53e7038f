/**
 * Service levels (SPEC §4): business calendars per client and the arithmetic of business time;
 * policies, clocks and durable timers build on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package io.tierline.sla;
