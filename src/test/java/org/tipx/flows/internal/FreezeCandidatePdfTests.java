package org.tipx.flows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.tipx.flows.TaintModel;

/** The PDF holds every address and transfer, over several pages, and a name the face cannot draw does not break it. */
class FreezeCandidatePdfTests {

	@Test
	void manyTransfersFlowOntoMorePagesAndUndrawableCharactersBecomeQuestionMarks() throws Exception {
		List<FreezeCandidates.Evidence> transfers = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			transfers.add(new FreezeCandidates.Evidence("tx-" + i, "2024-05-01T00:00:00Z", "TFrom" + i, "1"));
		}
		var candidate = new FreezeCandidates.Candidate("交易所\u0007 A", "deposit address", "tron", "USDT", "TDeposit",
				"deposit-address heuristic", Map.of(TaintModel.POISON, "120", TaintModel.HAIRCUT, "120", TaintModel.FIFO,
						"120", TaintModel.LIFO, "120"), transfers, List.of());
		var report = new FreezeCandidates.Report(UUID.randomUUID(), Instant.parse("2026-12-04T21:00:00Z"),
				List.of("seed"), 7, true, false, List.of(candidate));

		byte[] pdf = FreezeCandidatePdf.render(report);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("???? A", "deposit address: TDeposit", "Transfer in tx-0 ", "Transfer in tx-119 ",
					"PARTIAL");
		}
	}
}
