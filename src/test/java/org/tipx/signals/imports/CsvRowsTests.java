package org.tipx.signals.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

class CsvRowsTests {

	private static final String HEADER = "report_key,title,category,tlp,reporter_country,observed_at,type,value\n";

	@Test
	void rowsAreNumberedAsASpreadsheetShowsThemHeaderIncluded() throws IOException {
		List<ImportRow> rows = read(HEADER + "r1,Compound,SCAM_COMPOUND,GREEN,KH,2026-11-02,phone,+85512345678\n"
				+ "r1,Compound,SCAM_COMPOUND,GREEN,KH,2026-11-02,email,boss@example.com\n");
		assertThat(rows).extracting(ImportRow::number).containsExactly(2L, 3L);
		assertThat(rows.get(1).cell(Column.VALUE)).isEqualTo("boss@example.com");
	}

	@Test
	void aLastRowWithoutALineBreakIsReadLikeAnyOther() throws IOException {
		List<ImportRow> rows = read(HEADER + "r1,Compound,SCAM_COMPOUND,GREEN,KH,2026-11-02,phone,+85512345678\n"
				+ "r2,Caf\u00e9,SCAM_COMPOUND,GREEN,KH,2026-11-02,email,boss@example.com");
		assertThat(rows).extracting(ImportRow::number).containsExactly(2L, 3L);
		assertThat(rows.get(1).cell(Column.TITLE)).isEqualTo("Caf\u00e9");
		assertThat(rows.get(1).errors()).isEmpty();
	}

	@Test
	void aByteOrderMarkIsDroppedAndColumnsMayComeInAnyOrder() throws IOException {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		String csv = "value,type,report_key,title,category,tlp,reporter_country,observed_at,description\n"
				+ "+85512345678,phone,r1,\"Compound, south\",SCAM_COMPOUND,GREEN,KH,2026-11-02,\"line one\nline two\"\n"
				+ "x,email,r2,T,OTHER,GREEN,KH,2026-11-02,\n";
		List<ImportRow> rows = read(new SequenceInputStream(new ByteArrayInputStream(bom),
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
		assertThat(rows.get(0).cell(Column.TITLE)).isEqualTo("Compound, south");
		assertThat(rows.get(0).cell(Column.DESCRIPTION)).isEqualTo("line one\nline two");
		assertThat(rows.get(1).number()).isEqualTo(3);
		assertThat(rows.get(1).cell(Column.DESCRIPTION)).isNull();
	}

	@Test
	void aRowWithTheWrongNumberOfCellsIsABadRowAndReadingGoesOn() throws IOException {
		List<ImportRow> rows = read(HEADER + "r1,T,OTHER,GREEN,KH\n"
				+ "r2,T,OTHER,GREEN,KH,2026-11-02,phone,+85512345678\n");
		assertThat(rows.get(0).errors()).extracting(RowError::field).containsExactly("rows[2]");
		assertThat(rows.get(0).errors().get(0).message()).contains("has 5 cells where the header has 8 columns");
		assertThat(rows.get(1).errors()).isEmpty();
	}

	@Test
	void anUnknownOrMissingColumnMakesTheHeaderUnreadable() {
		assertThatThrownBy(() -> read("report_key,title,colour\n")).isInstanceOf(UnreadableFile.class)
				.satisfies(e -> {
					RowError error = ((UnreadableFile) e).error();
					assertThat(error.field()).isEqualTo("header");
					assertThat(error.message()).contains("'colour' is not a known column", "column 'tlp' is missing");
				});
	}

	@Test
	void aFieldLongerThanTheLimitStopsReadingAtItsRow() {
		String longValue = "x".repeat(200);
		assertThatThrownBy(() -> read(HEADER + "r1,T,OTHER,GREEN,KH,2026-11-02,phone,1\n"
				+ "r1,T,OTHER,GREEN,KH,2026-11-02,phone,\"" + longValue + "\n", 100))
				.isInstanceOf(UnreadableFile.class)
				.satisfies(e -> assertThat(((UnreadableFile) e).error().field()).isEqualTo("rows[3]"));
	}

	@Test
	void bytesThatAreNotUtf8NameTheirRow() {
		byte[] latin1 = (HEADER + "r1,T,OTHER,GREEN,KH,2026-11-02,phone,1\nr2,Caf\u00e9,OTHER,GREEN,KH,2026-11-02,phone,2\n")
				.getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> read(new ByteArrayInputStream(latin1))).isInstanceOf(UnreadableFile.class)
				.satisfies(e -> {
					RowError error = ((UnreadableFile) e).error();
					assertThat(error.field()).isEqualTo("rows[3]");
					assertThat(error.message()).contains("not valid UTF-8");
				});
	}

	@Test
	void theSizeLimitStopsTheParserAtOnce() {
		InputStream endless = new InputStream() {
			final byte[] row = "r1,T,OTHER,GREEN,KH,2026-11-02,phone,+85512345678\n".getBytes(StandardCharsets.UTF_8);
			long n;

			@Override
			public int read() {
				return n < HEADER.length() ? HEADER.charAt((int) n++) : row[(int) (n++ - HEADER.length()) % row.length];
			}
		};
		assertThatThrownBy(() -> read(new SizeLimit(endless, DataSize.ofKilobytes(64))))
				.isInstanceOf(ImportTooLarge.class);
	}

	private static List<ImportRow> read(String csv) throws IOException {
		return read(csv, 20_000);
	}

	private static List<ImportRow> read(String csv, int maxField) throws IOException {
		return read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), maxField);
	}

	private static List<ImportRow> read(InputStream in) throws IOException {
		return read(in, 20_000);
	}

	private static List<ImportRow> read(InputStream in, int maxField) throws IOException {
		List<ImportRow> rows = new ArrayList<>();
		try (RowReader reader = new CsvRows(Utf8Text.reader(in), maxField)) {
			ImportRow row;
			while ((row = reader.next()) != null) {
				rows.add(row);
			}
		}
		return rows;
	}
}
