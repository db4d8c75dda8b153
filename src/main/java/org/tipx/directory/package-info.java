/**
 * Organisations, accounts, roles, API tokens and sharing groups; the login, token and session security of tipx.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory",
		allowedDependencies = { "audit", "platform", "shared" })
package org.tipx.directory;
