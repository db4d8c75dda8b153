package org.tipx.cases.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.OrganisationType;
import org.tipx.federation.Federation;
import org.tipx.federation.Instance;
import org.tipx.federation.Peer;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.InstanceKeys;
import org.tipx.protection.PublicKeyset;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.CountryCode;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Utc;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hands a case over to an organisation of this installation or of a trusted peer installation, as one signed package
 * (see {@link HandoverPackage}). The consent in force must cover it as it would a referral to that organisation
 * ({@link ConsentRecord#missingFor}); an organisation of a peer named without its type must be covered for every type.
 * Otherwise 409 naming the consent, unless a supervisor hands over with a written reason. Personal fields go only when
 * the sender asks to share them, and then only those {@link HandoverFields} allows, encrypted to the receiving
 * installation. The sender follows the handover from {@code SENT} to {@code RECEIVED}.
 */
@Service
public class Handovers {

	static final SealedColumn PACKAGE = new SealedColumn("cases_handover", "id", "package", "cases_handover.package");

	static final SealedColumn OVERRIDE = new SealedColumn("cases_handover", "id", "consent_override",
			"cases_handover.consent_override");

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final Cases cases;

	private final Consents consents;

	private final Timeline timeline;

	private final FieldCipher cipher;

	private final InstanceKeys keys;

	private final Federation federation;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	Handovers(JdbcClient jdbc, CaseAccess access, Cases cases, Consents consents, Timeline timeline,
			FieldCipher cipher, InstanceKeys keys, Federation federation, Directory directory, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.cases = cases;
		this.consents = consents;
		this.timeline = timeline;
		this.cipher = cipher;
		this.keys = keys;
		this.federation = federation;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A handover to send: to {@code toOrganisationId} of this directory, or to {@code toOrganisation} at the peer
	 * {@code toPeer}.
	 *
	 * @param sharePersonal   whether personal fields go (those the consent allows); false when absent
	 * @param consentOverride a supervisor's written reason to hand over what the consent does not cover
	 * @param push            whether to post the package to the peer at once
	 */
	public record NewHandover(UUID toOrganisationId, String toPeer, Addressee toOrganisation, Boolean sharePersonal,
			String consentOverride, Boolean push) {
	}

	/** An organisation of another installation, by name and country, and its type when the sender knows it. */
	public record Addressee(String name, String country, String type) {
	}

	/** A handover as its sender sees it. */
	public record HandoverView(UUID id, UUID caseId, String caseReference, String toInstance, UUID toOrganisationId,
			String toOrganisation, String toCountry, List<String> personalFields, int consentVersion,
			boolean consentOverridden, String state, String sentBy, Instant sentAt, Instant pushedAt,
			String pushOutcome, Instant receivedAt, String receivedBy) {
	}

	/** A sent handover and its package. */
	public record Sent(HandoverView handover, ObjectNode document) {
	}

	/** Builds, signs and stores the package; see the class for the rules. */
	@Transactional
	public Sent send(Actor actor, UUID caseId, NewHandover request) {
		CaseGrant grant = access.grant(actor, caseId);
		if (!grant.owner()) {
			throw access.hidden(caseId, "handover send");
		}
		access.lock(caseId);
		cases.requireOpen(caseId);
		if (request == null) {
			throw new InvalidInputException("toOrganisationId", "is required: the organisation to hand the case to, "
					+ "or toPeer and toOrganisation for one of another installation");
		}
		Instance self = federation.self();
		List<FieldError> errors = new ArrayList<>();
		Organisation local = null;
		Peer peer = null;
		String toName = null;
		CountryCode toCountry = null;
		OrganisationType toType = null;
		if (request.toOrganisationId() != null && request.toPeer() != null) {
			errors.add(new FieldError("toPeer", "give either toOrganisationId or toPeer with toOrganisation, not both"));
		}
		else if (request.toOrganisationId() != null) {
			if (request.toOrganisationId().equals(actor.organisationId())) {
				errors.add(new FieldError("toOrganisationId", "is your own organisation: a case is handed to another"));
			}
			else {
				local = directory.organisation(new OrganisationId(request.toOrganisationId())).orElse(null);
				if (local == null) {
					errors.add(new FieldError("toOrganisationId", "is not an organisation of the directory"));
				}
				else {
					toName = local.name();
					toCountry = local.country();
					toType = local.type();
				}
			}
		}
		else if (request.toPeer() != null) {
			peer = federation.peer(request.toPeer().strip()).orElse(null);
			if (peer == null) {
				errors.add(new FieldError("toPeer", "is not a trusted peer: an administrator registers it first"));
			}
			Addressee to = request.toOrganisation();
			if (to == null || to.name() == null || to.name().isBlank()) {
				errors.add(new FieldError("toOrganisation.name", "is required: the receiving organisation's name"));
			}
			else if (to.name().strip().length() > 200) {
				errors.add(new FieldError("toOrganisation.name", "must be at most 200 characters"));
			}
			else {
				toName = to.name().strip();
			}
			try {
				toCountry = CountryCode.parse("toOrganisation.country", to == null ? null : to.country());
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
			}
			if (to != null && to.type() != null && !to.type().isBlank()) {
				if (OrganisationType.names().contains(to.type())) {
					toType = OrganisationType.valueOf(to.type());
				}
				else {
					errors.add(new FieldError("toOrganisation.type",
							"must be one of " + String.join(", ", OrganisationType.names())));
				}
			}
		}
		else {
			errors.add(new FieldError("toOrganisationId", "is required: the organisation to hand the case to, "
					+ "or toPeer and toOrganisation for one of another installation"));
		}
		String override = request.consentOverride() == null || request.consentOverride().isBlank() ? null
				: request.consentOverride().strip();
		if (override != null && override.length() > 2000) {
			errors.add(new FieldError("consentOverride", "must be at most 2000 characters"));
		}
		Codes.throwIfAny(errors);

		CaseView view = cases.view(caseId, grant);
		ConsentRecord consent = consents.inForce(caseId);
		Optional<ConsentRecord.Missing> missing = missing(consent, toType, toName, toCountry, view.nationality());
		if (missing.isPresent()) {
			if (override == null) {
				audit.record(AuditRecord.denied("case.handover.send", "case", caseId,
						"consent " + missing.get().consent() + " missing (version " + consent.version() + ")"));
				throw new ConflictException("consent." + missing.get().consent(), missing.get().why()
						+ " (consent version " + consent.version() + " in force); record the person's consent first");
			}
			if (!grant.supervise()) {
				throw new ForbiddenException("Only a supervisor (your organisation's administrator) may hand over a "
						+ "case that the person's consent does not cover");
			}
		}
		else if (override != null) {
			throw new InvalidInputException("consentOverride",
					"is only for a handover the consent does not cover; this one is covered");
		}

		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instance receiver = peer == null ? self : peer.instance();
		Organisation from = directory.organisation(new OrganisationId(actor.organisationId())).orElseThrow();
		List<String> fields = Boolean.TRUE.equals(request.sharePersonal())
				? HandoverFields.allowed(toType, toCountry.value(), view.nationality(), view.personal())
				: List.of();

		ObjectNode document = JSON.createObjectNode();
		document.put("format", HandoverPackage.FORMAT);
		document.put("id", id.toString());
		document.put("createdAt", now.toString());
		ObjectNode fromNode = document.putObject("from");
		fromNode.put("instance", self.name());
		fromNode.put("country", self.country().value());
		fromNode.put("organisation", from.name());
		fromNode.put("organisationCountry", from.country().value());
		fromNode.put("organisationId", from.id().value().toString());
		fromNode.put("caseId", caseId.toString());
		fromNode.put("caseReference", view.reference());
		ObjectNode toNode = document.putObject("to");
		toNode.put("instance", receiver.name());
		toNode.put("organisation", toName);
		toNode.put("country", toCountry.value());
		if (local != null) {
			toNode.put("organisationId", local.id().value().toString());
		}
		if (toType != null) {
			toNode.put("type", toType.name());
		}
		document.set("case", coded(view));
		document.set("consent", consent(consent, override != null));
		document.set("nonPunishment", nonPunishment(caseId, view));
		document.set("referrals", referrals(caseId));
		if (!fields.isEmpty()) {
			PersonalFields going = HandoverFields.only(view.personal(), fields);
			byte[] sealed = receiver.keys(PublicKeyset.ENCRYPT).encrypt(
					JSON.writeValueAsString(going).getBytes(StandardCharsets.UTF_8), HandoverPackage.personalContext(id));
			ObjectNode personal = document.putObject("personal");
			ArrayNode names = personal.putArray("fields");
			fields.forEach(names::add);
			personal.put("encryptedTo", receiver.name());
			personal.put("ciphertext", Base64.getEncoder().encodeToString(sealed));
		}
		HandoverPackage unsigned = new HandoverPackage(document);
		InstanceKeys.Signature signature = keys.sign(unsigned.signedBytes());
		ObjectNode signatureNode = document.putObject("signature");
		signatureNode.put("keyId", signature.keyId());
		signatureNode.put("value", signature.value());
		HandoverPackage signed = new HandoverPackage(document);

		jdbc.sql("""
				INSERT INTO cases_handover (id, case_id, from_organisation_id, to_instance, to_organisation_id,
				  to_organisation_name, to_country, personal_fields, consent_version, consent_override, package, state,
				  sent_by, sent_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,'SENT',?,?)""")
				.params(id, caseId, actor.organisationId(), receiver.name(), local == null ? null : local.id().value(),
						toName, toCountry.value(), fields.toArray(String[]::new), consent.version(),
						override == null ? null : cipher.seal(override, OVERRIDE.context(id)),
						cipher.seal(signed.text(), PACKAGE.context(id)), actor.name(), Utc.now(clock))
				.update();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("handoverId", id.toString());
		detail.put("toInstance", receiver.name());
		detail.put("toOrganisation", toName);
		detail.put("toCountry", toCountry.value());
		detail.put("personalFields", fields);
		detail.put("consentVersion", consent.version());
		detail.put("consentOverride", override != null);
		timeline.record(caseId, actor, "handover.sent", detail);
		access.touch(caseId);
		audit.record(AuditRecord.success("case.handover.send", "handover", id).withDetail("case " + caseId + " to "
				+ receiver.name() + "/" + toName + "; personal fields " + fields
				+ (override != null ? "; consent overridden by a supervisor" : "")));
		return new Sent(read(actor, id), document);
	}

	/** The handover, to its sender's case workers; 404 to anyone else. */
	@Transactional(readOnly = true)
	public HandoverView read(Actor actor, UUID id) {
		return jdbc.sql("SELECT h.*, c.reference FROM cases_handover h JOIN cases_case c ON c.id = h.case_id"
				+ " WHERE h.id = ? AND h.from_organisation_id = ?").params(id, actor.organisationId())
				.query((rs, n) -> view(rs)).optional().orElseThrow(() -> new NotFoundException("Handover"));
	}

	/** The handovers the caller's organisation sent, newest first (the last 200). */
	@Transactional(readOnly = true)
	public List<HandoverView> sent(Actor actor) {
		return jdbc.sql("SELECT h.*, c.reference FROM cases_handover h JOIN cases_case c ON c.id = h.case_id"
				+ " WHERE h.from_organisation_id = ? ORDER BY h.sent_at DESC LIMIT 200").param(actor.organisationId())
				.query((rs, n) -> view(rs)).list();
	}

	/** The handovers of one case, for its owner. */
	@Transactional(readOnly = true)
	public List<HandoverView> ofCase(Actor actor, UUID caseId) {
		if (!access.grant(actor, caseId).owner()) {
			throw access.hidden(caseId, "handover list");
		}
		return jdbc.sql("SELECT h.*, c.reference FROM cases_handover h JOIN cases_case c ON c.id = h.case_id"
				+ " WHERE h.case_id = ? ORDER BY h.sent_at DESC").param(caseId).query((rs, n) -> view(rs)).list();
	}

	/** The signed package as sent, for the sender's case workers to carry by hand; the download is audited. */
	@Transactional(readOnly = true)
	public String packageText(Actor actor, UUID id) {
		HandoverView view = read(actor, id);
		String sealed = jdbc.sql("SELECT package FROM cases_handover WHERE id = ?").param(id).query(String.class)
				.single();
		audit.record(AuditRecord.success("case.handover.download", "handover", id).withDetail("case " + view.caseId()));
		return cipher.open(sealed, PACKAGE.context(id));
	}

	/** Posts the package to the receiving peer and records what it answered. */
	public HandoverView push(Actor actor, UUID id) {
		HandoverView view = read(actor, id);
		Peer peer = federation.peer(view.toInstance()).orElseThrow(() -> new ConflictException("toInstance",
				view.toInstance().equals(federation.self().name())
						? "is this installation: the receiving case worker imports the package here"
						: "is no longer a trusted peer"));
		String text = packageText(actor, id);
		String outcome;
		try {
			var reply = federation.post(peer, "/api/v1/handovers/import", text);
			outcome = reply.status() + (reply.ok() ? " accepted" : " refused: " + problemDetail(reply.body()));
		}
		catch (IllegalStateException e) {
			outcome = "not reached: " + e.getMessage();
		}
		String shown = outcome.length() > 500 ? outcome.substring(0, 500) : outcome;
		jdbc.sql("UPDATE cases_handover SET pushed_at = ?, push_outcome = ? WHERE id = ?")
				.params(Utc.now(clock), shown, id).update();
		audit.record(AuditRecord.success("case.handover.push", "handover", id).withDetail(shown));
		return read(actor, id);
	}

	/** Marks a handover received, once; writes it to the sender's timeline. */
	@Transactional
	public boolean markReceived(UUID id, String toInstance, String by) {
		Optional<UUID> caseId = jdbc.sql("SELECT case_id FROM cases_handover WHERE id = ? AND to_instance = ?"
				+ " AND state = 'SENT' FOR UPDATE").params(id, toInstance).query(UUID.class).optional();
		if (caseId.isEmpty()) {
			return false;
		}
		jdbc.sql("UPDATE cases_handover SET state = 'RECEIVED', received_at = ?, received_by = ? WHERE id = ?")
				.params(Utc.now(clock), by, id).update();
		UUID owner = jdbc.sql("SELECT from_organisation_id FROM cases_handover WHERE id = ?").param(id)
				.query(UUID.class).single();
		timeline.record(caseId.get(), "tipx", owner, "handover.acknowledged",
				Map.of("handoverId", id.toString(), "by", by));
		audit.recordFor("tipx", null, owner, AuditRecord.success("case.handover.received", "handover", id)
				.withDetail("by " + by));
		return true;
	}

	private Optional<ConsentRecord.Missing> missing(ConsentRecord consent, OrganisationType type, String name,
			CountryCode country, String nationality) {
		List<OrganisationType> types = type == null ? List.of(OrganisationType.values()) : List.of(type);
		for (OrganisationType each : types) {
			Optional<ConsentRecord.Missing> missing = consent.missingFor(
					new Organisation(new OrganisationId(new UUID(0, 0)), name, each, country, clock.instant()),
					nationality);
			if (missing.isPresent()) {
				return missing;
			}
		}
		return Optional.empty();
	}

	private static ObjectNode coded(CaseView view) {
		ObjectNode node = JSON.createObjectNode();
		node.put("traffickingStatus", view.traffickingStatus());
		node.put("forcedCriminality", view.forcedCriminality());
		strings(node, "recruitmentMethods", view.recruitmentMethods());
		text(node, "recruitmentPlatform", view.recruitmentPlatform());
		strings(node, "meansOfControl", view.meansOfControl());
		strings(node, "exploitationTypes", view.exploitationTypes());
		text(node, "nationality", view.nationality());
		strings(node, "transitCountries", view.transitCountries());
		strings(node, "exploitationCountries", view.exploitationCountries());
		text(node, "ageBand", view.ageBand());
		text(node, "gender", view.gender());
		text(node, "recruitedOn", view.recruitedOn());
		text(node, "exploitationBeganOn", view.exploitationBeganOn());
		text(node, "exitedOn", view.exitedOn());
		text(node, "identifiedOn", view.identifiedOn());
		text(node, "risk", view.risk());
		text(node, "screeningOutcome", view.screeningOutcome());
		return node;
	}

	private static ObjectNode consent(ConsentRecord consent, boolean overridden) {
		ObjectNode node = JSON.createObjectNode();
		node.put("version", consent.version());
		node.put("assistance", consent.assistance());
		strings(node, "referralTypes", consent.referralTypes());
		node.put("shareWithCountryOfNationality", consent.shareWithCountryOfNationality());
		node.put("research", consent.research());
		text(node, "explainedIn", consent.explainedIn());
		text(node, "source", consent.source());
		text(node, "recordedAt", consent.recordedAt());
		node.put("overriddenBySupervisor", overridden);
		return node;
	}

	private ObjectNode nonPunishment(UUID caseId, CaseView view) {
		ObjectNode node = JSON.createObjectNode();
		node.put("determined", view.nonPunishment());
		ArrayNode measures = node.putArray("measures");
		jdbc.sql("SELECT measure, state FROM cases_measure WHERE case_id = ? ORDER BY measure").param(caseId)
				.query((rs, n) -> {
					ObjectNode measure = measures.addObject();
					measure.put("measure", rs.getString(1));
					measure.put("state", rs.getString(2));
					return measure;
				}).list();
		return node;
	}

	private ArrayNode referrals(UUID caseId) {
		ArrayNode list = JSON.createArrayNode();
		jdbc.sql("SELECT to_organisation_id, services, state, share_personal, sent_at FROM cases_referral"
				+ " WHERE case_id = ? ORDER BY sent_at").param(caseId).query((rs, n) -> {
					ObjectNode referral = list.addObject();
					Optional<Organisation> to = directory
							.organisation(new OrganisationId(rs.getObject(1, UUID.class)));
					referral.put("toOrganisation", to.map(Organisation::name).orElse("?"));
					referral.put("toCountry", to.map(o -> o.country().value()).orElse("?"));
					referral.put("toType", to.map(o -> o.type().name()).orElse("?"));
					strings(referral, "services", Cases.list(rs.getArray(2)));
					referral.put("state", rs.getString(3));
					referral.put("sharePersonal", rs.getBoolean(4));
					referral.put("sentAt", rs.getObject(5, OffsetDateTime.class).toInstant().toString());
					return referral;
				}).list();
		return list;
	}

	private static void text(ObjectNode node, String name, Object value) {
		if (value != null) {
			node.put(name, value.toString());
		}
	}

	private static void strings(ObjectNode node, String name, List<String> values) {
		ArrayNode array = node.putArray(name);
		if (values != null) {
			values.forEach(array::add);
		}
	}

	private static String problemDetail(String body) {
		try {
			String detail = JSON.readTree(body).path("detail").asString(null);
			return detail == null ? "" : detail;
		}
		catch (RuntimeException e) {
			return "";
		}
	}

	private static HandoverView view(ResultSet rs) throws SQLException {
		return new HandoverView(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getString("reference"), rs.getString("to_instance"), rs.getObject("to_organisation_id", UUID.class),
				rs.getString("to_organisation_name"), rs.getString("to_country"),
				Cases.list(rs.getArray("personal_fields")), rs.getInt("consent_version"),
				rs.getString("consent_override") != null, rs.getString("state"), rs.getString("sent_by"),
				Utc.instant(rs.getObject("sent_at", OffsetDateTime.class)),
				Utc.instant(rs.getObject("pushed_at", OffsetDateTime.class)), rs.getString("push_outcome"),
				Utc.instant(rs.getObject("received_at", OffsetDateTime.class)), rs.getString("received_by"));
	}
}
