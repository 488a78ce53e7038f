/**
 * Secrets masking on ingest (SPEC §6, §11): finds API keys, tokens, passwords, private keys,
 * cloud access keys and card numbers in inbound text and replaces them with a readable marker,
 * so the original is never stored. Depends on no other module; the ticket module calls
 * {@link io.tierline.masking.SecretMasking} before it writes a subject, a message or a text attachment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Secrets masking", allowedDependencies = {})
package io.tierline.masking;
