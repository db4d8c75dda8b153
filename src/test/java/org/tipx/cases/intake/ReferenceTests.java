package org.tipx.cases.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReferenceTests {

	@Test
	void aReferenceIsNineCrockfordSymbolsShownInGroupsForReadingAloud() {
		Reference reference = Reference.random();

		assertThat(reference.value()).matches("[0-9ABCDEFGHJKMNPQRSTVWXYZ]{9}");
		assertThat(reference.display()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]");
	}

	@Test
	void aReferenceIsReadBackHoweverItWasTyped() {
		Reference reference = Reference.random();
		String spoken = reference.display().toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');

		assertThat(Reference.parse(spoken)).contains(reference);
	}

	@Test
	void everySingleMistypedSymbolIsCaughtByTheCheckSymbol() {
		for (int n = 0; n < 200; n++) {
			String value = Reference.random().value();
			for (int position = 0; position < value.length(); position++) {
				for (char symbol : Reference.ALPHABET.toCharArray()) {
					if (symbol != value.charAt(position)) {
						String typo = value.substring(0, position) + symbol + value.substring(position + 1);
						assertThat(Reference.parse(typo)).as(typo).isEmpty();
					}
				}
			}
		}
	}

	@Test
	void swappingTwoDifferentNeighboursIsCaught() {
		int caught = 0;
		int swaps = 0;
		for (int n = 0; n < 500; n++) {
			String value = Reference.random().value();
			for (int i = 0; i + 1 < value.length(); i++) {
				if (value.charAt(i) != value.charAt(i + 1)) {
					swaps++;
					String swapped = value.substring(0, i) + value.charAt(i + 1) + value.charAt(i) + value.substring(i + 2);
					caught += Reference.parse(swapped).isEmpty() ? 1 : 0;
				}
			}
		}
		assertThat((double) caught / swaps).isGreaterThan(0.95);
	}

	@Test
	void referencesDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			assertThat(seen.add(Reference.random().value())).isTrue();
		}
	}

	@Test
	void anythingElseIsNotAReference() {
		assertThat(Reference.parse(null)).isEmpty();
		assertThat(Reference.parse("")).isEmpty();
		assertThat(Reference.parse("ABCD-EFGH")).isEmpty();
		assertThat(Reference.parse("UUUU-UUUU-U")).isEmpty();
		assertThat(Reference.parse("x".repeat(100))).isEmpty();
	}
}
