/**
 * CSAT surveys (SPEC §7; issue 9): when a ticket is solved its requester gets one question (1–5 and
 * an optional comment) by e-mail with a signed one-click link, in the portal and at the end of a
 * chat; one answer per solve, changeable within the survey window. Answers are CSAT ticket events
 * carrying the tier of resolution; low scores tell the team leads and enter the QA sample.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package io.tierline.survey;
