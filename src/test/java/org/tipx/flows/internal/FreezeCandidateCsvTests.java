package org.tipx.flows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.tipx.flows.TaintModel;

/** An exchange name or transaction id a spreadsheet would run as a formula comes out inert. */
class FreezeCandidateCsvTests {

	@Test
	void formulaCellsAreDefusedAndQuotesDoubled() {
		var candidate = new FreezeCandidates.Candidate("=HYPERLINK(\"http://evil\")", "deposit address", "tron", "USDT",
				"TAddr", "@source", Map.of(TaintModel.POISON, "10", TaintModel.HAIRCUT, "5", TaintModel.FIFO, "5",
						TaintModel.LIFO, "5"),
				List.of(new FreezeCandidates.Evidence("+tx1", "2024-05-01T00:00:00Z", "TFrom", "10")),
				List.of(new FreezeCandidates.Evidence("-tx2", "2024-05-01T01:00:00Z", "THot", "10")));
		var report = new FreezeCandidates.Report(UUID.randomUUID(), Instant.now(), List.of("seed"), 7, false, false,
				List.of(candidate));

		String csv = FreezeCandidateCsv.render(report);

		assertThat(csv.lines().toList()).containsExactly(FreezeCandidateCsv.HEADER,
				"\"'=HYPERLINK(\"\"http://evil\"\")\",\"deposit address\",\"tron\",\"USDT\",\"TAddr\",\"'@source\","
						+ "\"10\",\"5\",\"5\",\"5\",\"'+tx1@2024-05-01T00:00:00Z 10\",\"'-tx2@2024-05-01T01:00:00Z 10\"");
		assertThat(FreezeCandidateCsv.cell("\tcmd")).isEqualTo("\"'\tcmd\"");
	}
}
