package org.tipx.cases.internal;

import java.util.ArrayList;
import java.util.List;

import org.tipx.directory.OrganisationType;

/**
 * Which personal fields a handover carries, once the person's consent covers the handover (or a supervisor overrode
 * it) and the sender chose to share personal fields:
 * <ul>
 * <li>the name, other names, date of birth, contacts, addresses and family contact: what the receiving organisation
 * needs to find, recognise and help the person;</li>
 * <li>identity documents only to a state body of the person's own country of nationality (a consulate issuing travel
 * documents for the return), which the consent to sharing with the country of nationality covers;</li>
 * <li>never the person's own accounts: they are evidence about the recruiters, shared through signals and cooperation
 * requests, not something a service provider needs.</li>
 * </ul>
 * Only fields that hold a value are carried.
 */
final class HandoverFields {

	static final List<String> ALWAYS = List.of("fullName", "otherNames", "dateOfBirth", "contacts", "addresses",
			"familyContact");

	private HandoverFields() {
	}

	/**
	 * The names of the fields that go.
	 *
	 * @param type        the receiving organisation's type; null when not known (another installation's
	 *                    organisation named without a type), which never receives documents
	 * @param country     the receiving organisation's country
	 * @param nationality the person's nationality, or null
	 */
	static List<String> allowed(OrganisationType type, String country, String nationality, PersonalFields personal) {
		List<String> fields = new ArrayList<>();
		if (personal == null) {
			return fields;
		}
		add(fields, "fullName", personal.fullName());
		add(fields, "otherNames", personal.otherNames());
		add(fields, "dateOfBirth", personal.dateOfBirth());
		add(fields, "contacts", personal.contacts());
		add(fields, "addresses", personal.addresses());
		add(fields, "familyContact", personal.familyContact());
		if (type != null && ConsentRecord.STATE.contains(type) && nationality != null && nationality.equals(country)) {
			add(fields, "documents", personal.documents());
		}
		return fields;
	}

	/** Only the named fields of {@code personal}, the others empty. */
	static PersonalFields only(PersonalFields personal, List<String> fields) {
		return new PersonalFields(fields.contains("fullName") ? personal.fullName() : null,
				fields.contains("otherNames") ? personal.otherNames() : null,
				fields.contains("dateOfBirth") ? personal.dateOfBirth() : null,
				fields.contains("documents") ? personal.documents() : null,
				fields.contains("contacts") ? personal.contacts() : null,
				fields.contains("addresses") ? personal.addresses() : null,
				fields.contains("familyContact") ? personal.familyContact() : null, null);
	}

	private static void add(List<String> fields, String name, Object value) {
		if (value != null) {
			fields.add(name);
		}
	}
}
