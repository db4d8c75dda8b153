package org.tipx.signals.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JsonLinesTests {

	@Test
	void eachLineIsOneRowNumberedByItsLine() throws IOException {
		List<ImportRow> rows = read("""
				{"report_key":"r1","title":"T","type":"phone","value":"+85512345678","confidence":80}

				{"report_key":"r1","title":"T","type":"email","value":"a@example.com","platform":null}
				""");
		assertThat(rows).extracting(ImportRow::number).containsExactly(1L, 3L);
		assertThat(rows.get(0).cell(Column.CONFIDENCE)).isEqualTo("80");
		assertThat(rows.get(1).cell(Column.PLATFORM)).isNull();
	}

	@Test
	void aLineThatIsNotAnObjectIsABadRowAndReadingGoesOn() throws IOException {
		List<ImportRow> rows = read("""
				{"report_key":"r1"
				["r1"]
				{"report_key":"r1","colour":"red","title":{"text":"T"}}
				{"report_key":"r2"}
				""");
		assertThat(rows).hasSize(4);
		assertThat(rows.get(0).errors()).extracting(RowError::field).containsExactly("rows[1]");
		assertThat(rows.get(1).errors().get(0).message()).isEqualTo("is not a JSON object");
		assertThat(rows.get(2).errors()).extracting(RowError::field).containsExactly("rows[3]", "rows[3].title");
		assertThat(rows.get(3).errors()).isEmpty();
	}

	@Test
	void aLastLineWithoutALineBreakIsReadLikeAnyOther() throws IOException {
		List<ImportRow> rows = read("{\"report_key\":\"r1\"}\n{\"report_key\":\"r2\",\"title\":\"Caf\u00e9\"}");
		assertThat(rows).extracting(ImportRow::number).containsExactly(1L, 2L);
		assertThat(rows.get(1).cell(Column.TITLE)).isEqualTo("Caf\u00e9");
		assertThat(rows.get(1).errors()).isEmpty();
	}

	@Test
	void anOverlongLineIsSkipped() throws IOException {
		List<ImportRow> rows = read("{\"title\":\"" + "x".repeat(500) + "\"}\n{\"report_key\":\"r2\"}\n", 100);
		assertThat(rows.get(0).errors().get(0).message()).contains("longer than 400 characters");
		assertThat(rows.get(1).cell(Column.REPORT_KEY)).isEqualTo("r2");
	}

	@Test
	void bytesThatAreNotUtf8NameTheirLine() {
		byte[] bytes = "{\"report_key\":\"r1\"}\n{\"title\":\"Caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> read(new ByteArrayInputStream(bytes), 20_000)).isInstanceOf(UnreadableFile.class)
				.satisfies(e -> assertThat(((UnreadableFile) e).error().field()).isEqualTo("rows[2]"));
	}

	private static List<ImportRow> read(String text) throws IOException {
		return read(text, 20_000);
	}

	private static List<ImportRow> read(String text, int maxField) throws IOException {
		return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxField);
	}

	private static List<ImportRow> read(InputStream in, int maxField) throws IOException {
		List<ImportRow> rows = new ArrayList<>();
		try (RowReader reader = new JsonLines(Utf8Text.reader(in), maxField)) {
			ImportRow row;
			while ((row = reader.next()) != null) {
				rows.add(row);
			}
		}
		return rows;
	}
}
