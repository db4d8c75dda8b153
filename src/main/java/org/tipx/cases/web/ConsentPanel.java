package org.tipx.cases.web;

import java.util.List;

import org.tipx.cases.internal.ConsentRecord;
import org.tipx.cases.internal.Consents;

/**
 * The consent form of the case page, as typed: yes/no answers as {@code true}/{@code false}; referral as
 * {@code ALL}, {@code NONE} or {@code CHOSEN} with the chosen organisation types.
 */
record ConsentPanel(String assistance, String referral, List<String> referralTypes,
		String shareWithCountryOfNationality, String research, String explainedIn, String note) {

	/** The form filled in with the consent in force, so that a case worker changes only what changed. */
	static ConsentPanel of(ConsentRecord inForce, String language) {
		String referral = inForce.referralToAll() ? "ALL" : inForce.referralTypes().isEmpty() ? "NONE" : "CHOSEN";
		return new ConsentPanel(String.valueOf(inForce.assistance()), referral,
				inForce.referralToAll() ? List.of() : inForce.referralTypes(),
				String.valueOf(inForce.shareWithCountryOfNationality()), String.valueOf(inForce.research()),
				inForce.explainedIn() == null ? language : inForce.explainedIn(), "");
	}

	Consents.Change change() {
		return new Consents.Change(NewCasePage.yes(assistance), referral(referral, referralTypes),
				NewCasePage.yes(shareWithCountryOfNationality), NewCasePage.yes(research),
				NewCasePage.blank(explainedIn), null, NewCasePage.blank(note));
	}

	/** What {@link Consents.Change#referral()} takes: true, false, or the chosen types; null when not answered. */
	static Object referral(String choice, List<String> types) {
		if ("ALL".equals(choice)) {
			return Boolean.TRUE;
		}
		if ("NONE".equals(choice)) {
			return Boolean.FALSE;
		}
		if ("CHOSEN".equals(choice)) {
			return types == null ? List.of() : types;
		}
		return null;
	}
}
