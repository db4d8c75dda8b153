package org.tipx.audit;

import java.util.Objects;

/**
 * What happened, to what, and how it ended.
 *
 * @param action     a dotted verb, e.g. {@code account.create}, {@code login}, {@code screening.read}
 * @param objectType the kind of object touched, e.g. {@code account}; may be null
 * @param objectId   its id; may be null
 * @param outcome    success, denied or failed
 * @param detail     a short free-text detail; never personal data in clear
 */
public record AuditRecord(String action, String objectType, String objectId, Outcome outcome, String detail) {

	public AuditRecord {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(outcome, "outcome");
		if (detail != null && detail.length() > 2000) {
			detail = detail.substring(0, 2000);
		}
	}

	public static AuditRecord success(String action, String objectType, Object objectId) {
		return new AuditRecord(action, objectType, objectId == null ? null : objectId.toString(), Outcome.SUCCESS, null);
	}

	public static AuditRecord denied(String action, String objectType, Object objectId, String why) {
		return new AuditRecord(action, objectType, objectId == null ? null : objectId.toString(), Outcome.DENIED, why);
	}

	public AuditRecord withDetail(String newDetail) {
		return new AuditRecord(action, objectType, objectId, outcome, newDetail);
	}

	/** How the audited action ended. */
	public enum Outcome {
		SUCCESS, DENIED, FAILED
	}
}
