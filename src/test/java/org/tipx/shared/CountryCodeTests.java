package org.tipx.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountryCodeTests {

	@Test
	void assignedCodesAreAcceptedInAnyCase() {
		assertThat(CountryCode.parse("country", " kh ").value()).isEqualTo("KH");
		assertThat(CountryCode.parse("country", "TL").value()).isEqualTo("TL");
	}

	@Test
	void userAssignedReservedAndUnknownCodesAreRefusedNamingTheField() {
		for (String code : new String[] { "ZZ", "XX", "AA", "QM", "QZ", "XK", "EU", "UK", "AN", "I D", "IDN" }) {
			assertThatThrownBy(() -> CountryCode.parse("nationality", code)).as(code)
					.isInstanceOf(InvalidInputException.class)
					.satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field())
							.isEqualTo("nationality"));
			assertThatThrownBy(() -> new CountryCode(code)).as(code).isInstanceOf(IllegalArgumentException.class);
		}
	}
}
