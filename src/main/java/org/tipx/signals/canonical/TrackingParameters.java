package org.tipx.signals.canonical;

import java.util.Locale;
import java.util.Set;

/**
 * Query parameters that record how a visitor arrived (campaign tags, ad-click ids, share ids), not what the page
 * is. Two links to one scam page differ only in these. The list follows Firefox's query stripping list and the
 * ad platforms' documented click ids; referral and invite codes are deliberately not on it: they identify a recruiter.
 */
final class TrackingParameters {

	private static final Set<String> NAMES = Set.of("fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid",
			"yclid", "ysclid", "twclid", "ttclid", "li_fat_id", "igshid", "igsh", "mc_cid", "mc_eid", "_ga", "_gl",
			"_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id",
			"vero_id", "vero_conv", "wickedid", "rb_clickid", "s_cid", "sc_cid", "epik", "srsltid", "ref_src",
			"_openstat", "mibextid");

	private TrackingParameters() {
	}

	static boolean isTracking(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith("utm_") || NAMES.contains(lower);
	}
}
