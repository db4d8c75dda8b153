package org.tipx.cases.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.shared.Actor;

/**
 * What the care pages show at their top, and which of their forms to offer: the case's reference, status and risk,
 * without any personal field. Hidden (404) from anyone who may not see the case's care.
 */
@Service
public class CareHeading {

	private final CareAccess care;

	private final JdbcClient jdbc;

	CareHeading(CareAccess care, JdbcClient jdbc) {
		this.care = care;
		this.jdbc = jdbc;
	}

	/**
	 * @param work      whether the caller may change the care (an owning case worker, the case open)
	 * @param supervise whether the caller approves and closes (an owning administrator, the case open)
	 */
	public record Heading(UUID id, String reference, String status, String risk, boolean work, boolean supervise) {
	}

	@Transactional(readOnly = true)
	public Heading of(Actor actor, UUID caseId) {
		CaseGrant grant = care.read(actor, caseId, "care");
		return jdbc.sql("SELECT reference, status, risk FROM cases_case WHERE id = ?").param(caseId)
				.query((rs, n) -> {
					boolean open = "OPEN".equals(rs.getString("status"));
					return new Heading(caseId, rs.getString("reference"), rs.getString("status"), rs.getString("risk"),
							open && grant.owner() && grant.work(), open && grant.owner() && grant.supervise());
				}).single();
	}
}
