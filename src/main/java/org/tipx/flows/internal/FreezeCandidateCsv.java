package org.tipx.flows.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.tipx.flows.TaintModel;

/**
 * Freeze-request candidates as CSV, one line per address. Every cell is quoted, and a cell a spreadsheet would run as
 * a formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe, as OWASP advises for
 * CSV injection: an exchange name or a transaction id comes from imported files and must not run.
 */
public final class FreezeCandidateCsv {

	static final String HEADER = "exchange,kind,chain,asset,address,tag_source,poison,haircut,fifo,lifo,transfers,sweeps";

	private FreezeCandidateCsv() {
	}

	public static String render(FreezeCandidates.Report report) {
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		for (FreezeCandidates.Candidate c : report.candidates()) {
			csv.append(String.join(",", List.of(cell(c.exchange()), cell(c.kind()), cell(c.chain()), cell(c.asset()),
					cell(c.address()), cell(c.source()), cell(c.amounts().get(TaintModel.POISON)),
					cell(c.amounts().get(TaintModel.HAIRCUT)), cell(c.amounts().get(TaintModel.FIFO)),
					cell(c.amounts().get(TaintModel.LIFO)), cell(evidence(c.transfers())), cell(evidence(c.sweeps())))))
					.append('\n');
		}
		return csv.toString();
	}

	static String evidence(List<FreezeCandidates.Evidence> evidence) {
		return evidence.stream().map(e -> e.tx() + "@" + e.time() + " " + e.amount()).collect(Collectors.joining("; "));
	}

	/** Quoted, and a leading formula character neutralised. */
	static String cell(Object value) {
		String text = value == null ? "" : value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}
}
