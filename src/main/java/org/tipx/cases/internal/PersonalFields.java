package org.tipx.cases.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tipx.shared.InvalidInputException.FieldError;

/**
 * What identifies the person: sealed at rest as one value per case, shown only to readers the case grants it to,
 * never written to the timeline, a log, an event or a problem detail.
 *
 * @param fullName      the name the person wants to be called
 * @param otherNames    other names and spellings (aliases, the name in another script)
 * @param dateOfBirth   date of birth, if known
 * @param documents     passport or identity documents (type, number, issuing country)
 * @param contacts      how to reach the person safely
 * @param addresses     where the person lives or stays
 * @param familyContact a family member to contact, and how
 * @param ownAccounts   the person's own accounts (messaging, social media, bank) that recruiters or the compound used
 */
public record PersonalFields(String fullName, String otherNames, LocalDate dateOfBirth, String documents,
		String contacts, String addresses, String familyContact, String ownAccounts) {

	public static final PersonalFields NONE = new PersonalFields(null, null, null, null, null, null, null, null);

	public PersonalFields {
		fullName = trimmed(fullName);
		otherNames = trimmed(otherNames);
		documents = trimmed(documents);
		contacts = trimmed(contacts);
		addresses = trimmed(addresses);
		familyContact = trimmed(familyContact);
		ownAccounts = trimmed(ownAccounts);
	}

	/** The words a case worker may find the case by. */
	String searchableNames() {
		return (fullName == null ? "" : fullName) + " " + (otherNames == null ? "" : otherNames);
	}

	boolean isEmpty() {
		return equals(NONE);
	}

	/** Checks the date of birth: not in the future, not before 1900. */
	List<FieldError> errors(LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		if (dateOfBirth != null && (dateOfBirth.isAfter(today) || dateOfBirth.getYear() < 1900)) {
			errors.add(new FieldError("personal.dateOfBirth", "must be a date between 1900 and today"));
		}
		return errors;
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
