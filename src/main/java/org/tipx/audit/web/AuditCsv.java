package org.tipx.audit.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.tipx.audit.internal.AuditEntry;
import org.tipx.audit.internal.AuditLedger;

/**
 * RFC 4180 CSV of audit entries, with every column needed to re-verify the chain elsewhere.
 */
final class AuditCsv {

	static final String HEADER = "seq,at,actor,actor_id,organisation_id,action,object_type,object_id,outcome,detail,"
			+ "prev_hash,hash\r\n";

	private AuditCsv() {
	}

	/** Streams the whole trail, oldest first, as a CSV download. */
	static void download(AuditLedger ledger, HttpServletResponse response) throws IOException {
		response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
		response.setHeader("Content-Disposition", "attachment; filename=\"tipx-audit.csv\"");
		Writer out = response.getWriter();
		out.write(HEADER);
		ledger.forEachInOrder(entry -> write(out, entry));
		out.flush();
	}

	static void write(Writer out, AuditEntry e) {
		try {
			out.write(String.join(",", String.valueOf(e.seq()), e.at().toString(), cell(e.actor()),
					cell(e.actorId()), cell(e.organisationId()), cell(e.action()), cell(e.objectType()),
					cell(e.objectId()), cell(e.outcome()), cell(e.detail()), e.prevHash(), e.hash()));
			out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		// Neutralise spreadsheet formulas: an auditor opening the export must not run attacker-chosen cells.
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
