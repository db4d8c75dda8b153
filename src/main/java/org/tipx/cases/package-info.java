/**
 * Victims' cases: opened from a screening that found a presumed or possible victim who consented to assistance (or
 * by hand), coded after HTCDS 2.0 with the personal fields sealed; a versioned consent that every share checks at the
 * moment it happens; referrals to any organisation of the directory; time-limited break-glass reading; a timeline of
 * everything that happened. Another organisation sees a case only through an accepted referral, and then only the
 * fields the referral shares; everything else answers 404 so that a case's existence does not leak.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases",
		allowedDependencies = { "audit", "directory", "federation", "platform", "protection", "screening", "shared",
			"sharing" })
package org.tipx.cases;
