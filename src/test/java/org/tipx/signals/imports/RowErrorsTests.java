package org.tipx.signals.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowErrorsTests {

	@Test
	void keepsTheFirstRowsByNumberAndCountsThemAll() {
		RowErrors errors = new RowErrors(3);
		errors.add(RowError.row(10, "late"));
		errors.add(RowError.row(2, "early"));
		errors.add(RowError.row(7, "middle"));
		errors.add(RowError.row(4, "found later, earlier row"));
		errors.add(RowError.file("has no rows"));
		assertThat(errors.total()).isEqualTo(5);
		assertThat(errors.kept()).extracting(RowError::row).containsExactly(null, 2L, 4L);
	}
}
