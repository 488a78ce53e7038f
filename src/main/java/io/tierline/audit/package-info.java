/**
 * The append-only, hash-chained audit log (SPEC §1). Modules publish
 * {@link io.tierline.common.AuditEvent}s inside their transactions; this module writes them
 * there, seals them into one chain per organization, verifies the chains and exports them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.tierline.audit;
