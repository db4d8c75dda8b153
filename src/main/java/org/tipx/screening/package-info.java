/**
 * Victim screening: the ODK XForm interview (the single source of truth for the questions), run on the server by
 * JavaRosa; indicator scoring with reasons from a versioned rules file; the non-punishment determination; an
 * OpenRosa server for ODK Collect and KoboCollect. Identifying answers are sealed at rest; every read is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening",
		allowedDependencies = { "audit", "directory", "platform", "protection", "shared", "sharing" })
package org.tipx.screening;
