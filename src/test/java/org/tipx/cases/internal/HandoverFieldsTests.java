package org.tipx.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tipx.directory.OrganisationType;

/**
 * Which personal fields a handover carries: what a service provider needs; documents only to the person's own state;
 * never the person's own accounts; only fields that hold a value.
 */
class HandoverFieldsTests {

	static final PersonalFields PERSON = new PersonalFields("Rina Wulandari", null, LocalDate.of(1999, 3, 14),
			"Passport X1234567", "+62 812", "Medan", "Sister", "telegram @rina_w");

	@Test
	void anNgoAbroadGetsTheFieldsItNeedsButNotDocumentsOrThePersonsAccounts() {
		assertThat(HandoverFields.allowed(OrganisationType.CIVIL_SOCIETY, "KH", "ID", PERSON))
				.containsExactly("fullName", "dateOfBirth", "contacts", "addresses", "familyContact");
	}

	@Test
	void aConsulateOfThePersonsOwnCountryAlsoGetsTheIdentityDocuments() {
		assertThat(HandoverFields.allowed(OrganisationType.CONSULATE, "ID", "ID", PERSON)).contains("documents")
				.doesNotContain("ownAccounts");
		assertThat(HandoverFields.allowed(OrganisationType.CONSULATE, "KH", "ID", PERSON)).doesNotContain("documents");
		assertThat(HandoverFields.allowed(null, "ID", "ID", PERSON)).doesNotContain("documents");
	}

	@Test
	void onlyTheAllowedFieldsAreKept() {
		PersonalFields kept = HandoverFields.only(PERSON, HandoverFields.allowed(OrganisationType.CIVIL_SOCIETY, "KH",
				"ID", PERSON));
		assertThat(kept.fullName()).isEqualTo("Rina Wulandari");
		assertThat(kept.documents()).isNull();
		assertThat(kept.ownAccounts()).isNull();
	}
}
