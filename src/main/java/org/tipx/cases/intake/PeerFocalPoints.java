package org.tipx.cases.intake;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.federation.Federation;
import org.tipx.federation.Instance;
import org.tipx.federation.Peer;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.InstanceKeys;
import org.tipx.protection.PublicKeyset;
import org.tipx.shared.CountryCode;
import org.tipx.shared.Utc;

import tools.jackson.databind.node.ObjectNode;

/**
 * Forwarding to the focal points of a country served by a trusted peer installation: for each peer whose country is
 * the country told (never this installation's own country, whose focal points are here), one row of
 * {@code cases_intake_forward} and an {@link IntakeForwarded} event, inside the filing transaction. The peer is
 * called only after commit ({@link IntakeDeliveries}), with the signed {@link IntakePackage} built then. Answers 0:
 * the organisations the peer tells are counted there.
 */
@Component
class PeerFocalPoints implements IntakeForwarding {

	private final JdbcClient jdbc;

	private final Federation federation;

	private final FieldCipher cipher;

	private final InstanceKeys keys;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	PeerFocalPoints(JdbcClient jdbc, Federation federation, FieldCipher cipher, InstanceKeys keys,
			ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.federation = federation;
		this.cipher = cipher;
		this.keys = keys;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** An intake queued for a peer; carries ids and codes only, never the reporter's words. */
	record IntakeForwarded(UUID intakeId, String toInstance, String country) {
	}

	@Override
	public int forward(FiledIntake intake, CountryCode country) {
		if (country.equals(federation.self().country())) {
			return 0;
		}
		for (Peer peer : federation.peers()) {
			if (peer.instance().country().equals(country)) {
				int queued = jdbc.sql("INSERT INTO cases_intake_forward (intake_id, to_instance, country, queued_at)"
						+ " VALUES (?,?,?,?) ON CONFLICT DO NOTHING")
						.params(intake.id(), peer.name(), country.value(), Utc.now(clock)).update();
				if (queued > 0) {
					events.publishEvent(new IntakeForwarded(intake.id(), peer.name(), country.value()));
				}
			}
		}
		return 0;
	}

	/**
	 * The signed package for a queued intake, its words opened here and encrypted to the peer (audited as read on the
	 * peer's behalf).
	 */
	@Transactional
	public String packageFor(UUID intakeId, Peer peer, String country) {
		Row row = jdbc.sql("SELECT * FROM cases_intake WHERE id = ?").param(intakeId).query((rs, n) -> row(rs))
				.single();
		String words = cipher.open(row.sealed(), Intakes.DETAILS.context(intakeId));
		Instance self = federation.self();
		PublicReport report = new PublicReport(row.reporter(), new CountryCode(row.nationality()),
				new CountryCode(row.countryHeld()), row.shareBoth(), row.language(), new ReportDetails(null, null,
						null, null, null, false, null));
		ObjectNode document = Intakes.JSON.createObjectNode();
		document.put("format", IntakePackage.FORMAT);
		document.put("intakeId", intakeId.toString());
		document.put("createdAt", row.createdAt().toInstant().toString());
		ObjectNode from = document.putObject("from");
		from.put("instance", self.name());
		from.put("country", self.country().value());
		ObjectNode to = document.putObject("to");
		to.put("instance", peer.name());
		to.put("country", country);
		document.put("reporter", row.reporter().name());
		document.put("nationality", row.nationality());
		document.put("countryHeld", row.countryHeld());
		document.put("shareWithBoth", row.shareBoth());
		var told = document.putArray("countriesTold");
		report.countriesTold().forEach(c -> told.add(c.value()));
		document.put("language", row.language());
		ObjectNode sealed = document.putObject("words");
		sealed.put("encryptedTo", peer.name());
		sealed.put("ciphertext", Base64.getEncoder().encodeToString(peer.instance().keys(PublicKeyset.ENCRYPT)
				.encrypt(words.getBytes(StandardCharsets.UTF_8), IntakePackage.wordsContext(intakeId, peer.name()))));
		InstanceKeys.Signature signature = keys.sign(IntakePackage.signedBytes(document));
		ObjectNode signatureNode = document.putObject("signature");
		signatureNode.put("keyId", signature.keyId());
		signatureNode.put("value", signature.value());
		audit.recordFor("tipx", AuditRecord.success("intake.forward", "intake", intakeId)
				.withDetail("encrypted to " + peer.name() + " for " + country));
		return new IntakePackage(document).text();
	}

	@Transactional
	public void delivered(UUID intakeId, String toInstance) {
		jdbc.sql("UPDATE cases_intake_forward SET delivered_at = ? WHERE intake_id = ? AND to_instance = ?"
				+ " AND delivered_at IS NULL").params(Utc.now(clock), intakeId, toInstance).update();
	}

	/** Records a peer's acknowledgement, the first one only; false when no intake was forwarded to that peer. */
	@Transactional
	public boolean acknowledged(UUID intakeId, String byInstance, String by) {
		int known = jdbc.sql("SELECT count(*) FROM cases_intake_forward WHERE intake_id = ? AND to_instance = ?")
				.params(intakeId, byInstance).query(Integer.class).single();
		if (known == 0) {
			return false;
		}
		int first = jdbc.sql("UPDATE cases_intake_forward SET acknowledged_at = ?, acknowledged_by = ?"
				+ " WHERE intake_id = ? AND to_instance = ? AND acknowledged_at IS NULL")
				.params(Utc.now(clock), by, intakeId, byInstance).update();
		if (first > 0) {
			audit.recordFor("peer:" + byInstance, AuditRecord.success("intake.acknowledged", "intake", intakeId)
					.withDetail("by " + by));
		}
		return true;
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(ReporterRole.valueOf(rs.getString("reporter")), rs.getString("nationality"),
				rs.getString("country_held"), rs.getBoolean("share_both"), rs.getString("language"),
				rs.getString("details"), rs.getObject("created_at", OffsetDateTime.class));
	}

	private record Row(ReporterRole reporter, String nationality, String countryHeld, boolean shareBoth,
			String language, String sealed, OffsetDateTime createdAt) {
	}
}
