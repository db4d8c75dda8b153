/**
 * Protection of personal data and secrets at rest: field encryption with Google Tink AEAD, bound to where each value
 * lives, with key rotation while tipx runs. Modules seal a value before they store it and open it when an authorised
 * read needs it; they declare the columns they seal so a rotation can re-seal them under the new key.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Protection",
		allowedDependencies = { "audit", "shared" })
package org.tipx.protection;
