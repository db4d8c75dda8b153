package org.tipx.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.Actor;
import org.tipx.shared.ForbiddenException;

/**
 * The organisation's cases as HTCDS 2.0 / CTDC-coded CSV for statistics: one row per case, codes only, never a personal
 * field, a reference or a date finer than the year. A case is exported only while the consent in force allows research
 * use; how many were left out for that is said with the file. For the owning organisation's administrator; audited.
 */
@Service
public class CaseExport {

	/** The columns, in order. Means of control and exploitation types are one 0/1 column per code, as CTDC has them. */
	static final List<String> FIXED = List.of("caseId", "yearOfRegistration", "dataSource", "traffickingStatus",
			"gender", "ageBroad", "citizenship", "countriesOfExploitation", "transitCountries", "recruitmentMethods",
			"recruitmentPlatform", "nonPunishment", "caseStatus", "risk");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	CaseExport(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The CSV text and how many cases were left out for want of research consent. */
	public record Csv(String text, int exported, int withoutConsent) {
	}

	@Transactional(readOnly = true)
	public Csv csv(Actor actor, String organisationType) {
		if (!CaseRoles.current().supervisor()) {
			throw new ForbiddenException("Only your organisation's administrator exports its cases");
		}
		StringBuilder csv = new StringBuilder(String.join(",", FIXED));
		Codes.MEANS_OF_CONTROL.forEach(code -> csv.append(",meansOfControl_").append(code));
		Codes.EXPLOITATION_TYPES.forEach(code -> csv.append(",exploitation_").append(code));
		csv.append("\r\n");
		int[] counts = new int[2];
		jdbc.sql("""
				SELECT c.*, k.research FROM cases_case c
				JOIN LATERAL (SELECT research FROM cases_consent WHERE case_id = c.id ORDER BY version DESC LIMIT 1) k
				  ON TRUE
				WHERE c.owner_organisation_id = ? ORDER BY c.opened_at, c.id""")
				.param(actor.organisationId()).query((ResultSet rs) -> {
					if (!rs.getBoolean("research")) {
						counts[1]++;
						return;
					}
					counts[0]++;
					row(rs, organisationType, csv);
				});
		audit.record(AuditRecord.success("case.export", "organisation", actor.organisationId())
				.withDetail(counts[0] + " cases exported as HTCDS CSV; " + counts[1] + " left out without research consent"));
		return new Csv(csv.toString(), counts[0], counts[1]);
	}

	private static void row(ResultSet rs, String organisationType, StringBuilder csv) throws SQLException {
		List<String> means = Cases.list(rs.getArray("means_of_control"));
		List<String> exploitation = Cases.list(rs.getArray("exploitation_types"));
		List<Object> cells = new java.util.ArrayList<>(List.of(rs.getObject("id", UUID.class),
				rs.getObject("identified_on", java.time.LocalDate.class).getYear(), organisationType,
				rs.getString("trafficking_status"), text(rs.getString("gender")), text(rs.getString("age_band")),
				text(rs.getString("nationality")), String.join(";", Cases.list(rs.getArray("exploitation_countries"))),
				String.join(";", Cases.list(rs.getArray("transit_countries"))),
				String.join(";", Cases.list(rs.getArray("recruitment_methods"))),
				text(rs.getString("recruitment_platform")), rs.getBoolean("non_punishment") ? 1 : 0,
				rs.getString("status"), rs.getString("risk")));
		Set<String> meansSet = Set.copyOf(means);
		Codes.MEANS_OF_CONTROL.forEach(code -> cells.add(meansSet.contains(code) ? 1 : 0));
		Set<String> exploitationSet = Set.copyOf(exploitation);
		Codes.EXPLOITATION_TYPES.forEach(code -> cells.add(exploitationSet.contains(code) ? 1 : 0));
		// every cell is a code, a number or a list of codes: nothing needs quoting
		csv.append(String.join(",", cells.stream().map(String::valueOf).toList())).append("\r\n");
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
