/**
 * The tamper-evident trail of every login, token use, change and read of personal data. Other modules record through
 * {@link org.tipx.audit.AuditTrail}; entries form a hash chain with a checkpoint kept outside the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
		allowedDependencies = { "platform", "shared" })
package org.tipx.audit;
