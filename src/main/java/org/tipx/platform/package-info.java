/**
 * Runtime plumbing shared by every module but owned by none: the embedded PostgreSQL server, problem-details error
 * handling, locale and web shell configuration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		allowedDependencies = { "shared" })
package org.tipx.platform;
