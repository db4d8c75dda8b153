package org.tipx.signals.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class FileNameTests {

	@Test
	void aPathIsStrippedWhicheverSeparatorTheBrowserUsed() {
		assertThat(FileName.of("C:\\Users\\officer\\reports.csv")).contains(new FileName("reports.csv"));
		assertThat(FileName.of("../../etc/passwd.csv")).contains(new FileName("passwd.csv"));
	}

	@Test
	void controlAndInvisibleFormattingCharactersAreRemoved() {
		assertThat(FileName.of("evil\u202Egpj\u0000\u0007\u200B.csv")).contains(new FileName("evilgpj.csv"));
		assertThat(FileName.of(" \u0007 ")).isEmpty();
		assertThat(FileName.of(null)).isEmpty();
		assertThat(FileName.of("dir/")).isEmpty();
	}

	@Test
	void aLongNameIsCutToTwoHundredCharactersWithoutSplittingACharacter() {
		assertThat(FileName.of("a".repeat(300)).orElseThrow().value()).hasSize(200);
		String emoji = "\uD83D\uDCC4".repeat(250);
		assertThat(FileName.of(emoji).orElseThrow().value().codePointCount(0, 400)).isEqualTo(200);
	}

	@Test
	void scriptsOtherThanLatinAreKept() {
		assertThat(FileName.of("รายงาน-ខ្មែរ.csv")).contains(new FileName("รายงาน-ខ្មែរ.csv"));
	}

	@Test
	void anUnsanitisedNameCannotBeMadeDirectly() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FileName("a/b.csv"));
		assertThatIllegalArgumentException().isThrownBy(() -> new FileName("a\u202Eb.csv"));
	}
}
