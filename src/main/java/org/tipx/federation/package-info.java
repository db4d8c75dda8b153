/**
 * Federation between tipx installations: each installation's name, country and public keys (published at
 * {@code /.well-known/tipx-instance}), the peers an administrator trusts, canonical JSON for what is signed, checking
 * who signed a document, and posting to a peer. What is exchanged (cases' handovers) belongs to the modules that own
 * it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Federation",
		allowedDependencies = { "audit", "platform", "protection", "shared" })
package org.tipx.federation;
