package org.tipx.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where to refer a person in a country: a hotline, consular protection, a victim-support organisation or a
 * child-protection service, with the languages it speaks and its hours. Kept by the admin of the organisation that
 * knows it.
 *
 * @param id             the contact
 * @param organisationId the organisation that keeps it
 * @param country        the country it serves
 * @param kind           what it is
 * @param name           its name
 * @param phone          phone, or null
 * @param email          e-mail, or null
 * @param website        web address, or null
 * @param languages      languages it speaks (BCP 47)
 * @param hours          when it answers, in words (e.g. "24/7", "Mon–Fri 08:00–17:00 ICT"), or null
 * @param updatedAt      last change
 */
public record ReferralContact(UUID id, UUID organisationId, String country, Kind kind, String name, String phone,
		String email, String website, List<String> languages, String hours, Instant updatedAt) {

	/** What a referral contact is. */
	public enum Kind {
		HOTLINE, CONSULAR_PROTECTION, VICTIM_SUPPORT, CHILD_PROTECTION
	}
}
