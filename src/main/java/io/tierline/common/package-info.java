/**
 * Shared kernel: domain values every module speaks (tiers), the error types that become
 * RFC 9457 problem details, keyset cursors, the clock and the audit event contract.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.tierline.common;
