/**
 * The signal exchange: reports of scam-network identifiers from many agencies, reduced to canonical forms, linked into
 * networks, and shown to each caller only as far as the reports' TLP markings allow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signals",
		allowedDependencies = { "audit", "directory", "platform", "protection", "shared", "sharing" })
package org.tipx.signals;
