package org.tipx.cases.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.federation.CanonicalJson;
import org.tipx.federation.Federation;
import org.tipx.federation.SignerCheck;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.InstanceKeys;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.CountryCode;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Public reports pushed by a trusted peer installation, and the acknowledgements going back. A package is checked, in
 * this order, before anything is stored: it parses (else 400); the peer that posts it signed it, and is trusted (else
 * 403); its signature verifies over the canonical JSON (else 400); it is addressed to this installation and to its
 * country, a country the report may be told to under ADR 0018's rule (else 403); it was not received before (else
 * 409); its words open with this installation's keys and pass the public form's checks (else 400). It is then stored
 * as an intake of this installation, marked as received from that peer, its words sealed with this installation's
 * field cipher, and told to this installation's focal points of that country (never forwarded on). When one of them
 * acknowledges it, a signed acknowledgement goes back to the peer ({@link IntakeDeliveries}), which counts it for the
 * reporter's status page ({@link #acknowledgement}).
 */
@Service
public class IntakeArrivals {

	private final JdbcClient jdbc;

	private final Federation federation;

	private final InstanceKeys keys;

	private final FieldCipher cipher;

	private final LocalFocalPoints local;

	private final PeerFocalPoints peers;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	IntakeArrivals(JdbcClient jdbc, Federation federation, InstanceKeys keys, FieldCipher cipher,
			LocalFocalPoints local, PeerFocalPoints peers, Directory directory, ApplicationEventPublisher events,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.federation = federation;
		this.keys = keys;
		this.cipher = cipher;
		this.local = local;
		this.peers = peers;
		this.directory = directory;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the pushing peer learns: its own intake id and how many organisations were told here. */
	public record Accepted(UUID intakeId, int told) {
	}

	/** A focal point here acknowledged an intake received from a peer; ids and names only. */
	record ReceivedIntakeAcknowledged(UUID originIntakeId, String fromInstance, String by) {
	}

	/** Accepts a package a peer pushed; see the class for the checks. */
	@Transactional
	public Accepted accept(String pushedBy, String text) {
		String actor = "peer:" + pushedBy;
		IntakePackage pkg;
		try {
			pkg = IntakePackage.parse(text == null ? "" : text);
		}
		catch (IllegalArgumentException e) {
			audit.recordFor(actor, AuditRecord.denied("intake.arrive", "intake", null, "malformed"));
			throw new InvalidInputException("package", "is malformed: " + e.getMessage());
		}
		if (!pushedBy.equals(pkg.fromInstance())) {
			throw refused(pkg, actor, "pushed by " + pushedBy + " but signed as " + pkg.fromInstance());
		}
		SignerCheck check = federation.verify(pkg.fromInstance(), pkg.signedBytes(), pkg.signature());
		if (check.outcome() == SignerCheck.Outcome.NOT_TRUSTED || check.self()) {
			throw refused(pkg, actor, "signed by an instance that is not a trusted peer (" + pkg.fromInstance() + ")");
		}
		if (!check.verified()) {
			audit.recordFor(actor, AuditRecord.denied("intake.arrive", "intake", pkg.intakeId(), "bad signature"));
			throw new InvalidInputException("package", "signature does not verify: the package was changed after "
					+ pkg.fromInstance() + " signed it, or was not signed by it");
		}
		JsonNode document = pkg.document();
		CountryCode self = federation.self().country();
		if (!federation.self().name().equals(document.path("to").path("instance").asString(null))
				|| !self.value().equals(document.path("to").path("country").asString(null))) {
			throw refused(pkg, actor, "addressed to another installation or country ("
					+ document.path("to").path("instance").asString("?") + ", "
					+ document.path("to").path("country").asString("?") + ")");
		}
		ReportDetails details = words(pkg);
		PublicReport report = PublicReport.of(new PublicReport.Form(document.path("reporter").asString(null),
				document.path("nationality").asString(null), document.path("countryHeld").asString(null),
				details.area(), details.compound(), details.contactWho(), details.contactChannel(),
				details.safeTimes(), details.doNotCall(), details.whatHappened(),
				document.path("shareWithBoth").asBoolean(false) ? "yes" : "no",
				document.path("language").asString(null)));
		if (!report.countriesTold().contains(self)) {
			throw refused(pkg, actor, "about a report that may not be told to " + self.value()
					+ ": the country where a person is held is told only with their agreement");
		}
		Instant created;
		try {
			created = Instant.parse(document.path("createdAt").asString(""));
		}
		catch (RuntimeException e) {
			throw new InvalidInputException("createdAt", "must be an ISO-8601 instant");
		}
		Optional<UUID> before = jdbc.sql("SELECT id FROM cases_intake WHERE from_instance = ? AND origin_intake_id = ?")
				.params(pkg.fromInstance(), pkg.intakeId()).query(UUID.class).optional();
		if (before.isPresent()) {
			audit.recordFor(actor, AuditRecord.denied("intake.arrive", "intake", before.get(), "replayed"));
			throw new ConflictException("package", "already received: an intake is stored once");
		}
		UUID id = UUID.randomUUID();
		Reference reference = Reference.random();
		try {
			jdbc.sql("""
					INSERT INTO cases_intake (id, reference, reporter, nationality, country_held, share_both, language,
					  details, created_at, from_instance, origin_intake_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
					.params(id, reference.value(), report.reporter().name(), report.nationality().value(),
							report.countryHeld().value(), report.shareWithBoth(), report.language(),
							cipher.seal(Intakes.JSON.writeValueAsString(report.details()), Intakes.DETAILS.context(id)),
							created.atOffset(ZoneOffset.UTC), pkg.fromInstance(), pkg.intakeId())
					.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("package", "already received: an intake is stored once");
		}
		int told = local.forward(new FiledIntake(id, reference, report, created), self);
		audit.recordFor(actor, AuditRecord.success("intake.arrive", "intake", id)
				.withDetail("from " + pkg.fromInstance() + " intake " + pkg.intakeId() + ", organisations told " + told));
		return new Accepted(pkg.intakeId(), told);
	}

	/**
	 * A peer's acknowledgement of an intake this installation forwarded to it.
	 *
	 * @throws InvalidInputException when it is malformed or its signature does not verify
	 * @throws ForbiddenException    when its signer is not a trusted peer, or not the one that posted it
	 * @throws NotFoundException     when no intake was forwarded to that peer with that id
	 */
	@Transactional
	public String acknowledgement(String pushedBy, String text) {
		JsonNode node;
		try {
			node = CanonicalJson.parse(text == null ? "" : text);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("acknowledgement", "is malformed: " + e.getMessage());
		}
		String signer = node.path("from").path("instance").asString(null);
		if (!node.isObject() || !IntakePackage.ACKNOWLEDGEMENT_FORMAT.equals(node.path("format").asString(null))
				|| signer == null || node.path("signature").path("value").asString(null) == null) {
			throw new InvalidInputException("acknowledgement",
					"is malformed: not a " + IntakePackage.ACKNOWLEDGEMENT_FORMAT + " document");
		}
		if (!signer.equals(pushedBy)) {
			throw new ForbiddenException("The acknowledgement is signed by " + signer + " but was posted by " + pushedBy);
		}
		SignerCheck check = federation.verify(signer, IntakePackage.signedBytes((ObjectNode) node),
				node.path("signature").path("value").asString());
		if (check.outcome() == SignerCheck.Outcome.NOT_TRUSTED || check.self()) {
			throw new ForbiddenException("The acknowledgement is signed by an instance that is not a trusted peer: "
					+ signer);
		}
		if (!check.verified()) {
			throw new InvalidInputException("acknowledgement", "signature does not verify: changed or forged");
		}
		UUID intakeId;
		try {
			intakeId = UUID.fromString(node.path("intakeId").asString(""));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("intakeId", "is not an intake id");
		}
		String by = node.path("acknowledgedBy").asString(signer);
		if (!peers.acknowledged(intakeId, signer, by.length() > 300 ? by.substring(0, 300) : by)) {
			throw new NotFoundException("Intake forwarded to " + signer);
		}
		return "ACKNOWLEDGED";
	}

	/** Called when a focal point here acknowledges an intake: one received from a peer is acknowledged back. */
	void acknowledgedHere(UUID intakeId, Actor focalPoint) {
		jdbc.sql("SELECT from_instance, origin_intake_id FROM cases_intake WHERE id = ? AND from_instance IS NOT NULL")
				.param(intakeId).query((rs, n) -> new ReceivedIntakeAcknowledged(
						rs.getObject("origin_intake_id", UUID.class), rs.getString("from_instance"),
						federation.self().name() + "/" + directory.organisation(
								new OrganisationId(focalPoint.organisationId())).map(o -> o.name()).orElse("?")))
				.optional().ifPresent(events::publishEvent);
	}

	/** The signed acknowledgement posted back to the installation the intake came from. */
	String acknowledgementFor(ReceivedIntakeAcknowledged acknowledged) {
		ObjectNode document = Intakes.JSON.createObjectNode();
		document.put("format", IntakePackage.ACKNOWLEDGEMENT_FORMAT);
		document.put("intakeId", acknowledged.originIntakeId().toString());
		document.putObject("from").put("instance", federation.self().name());
		document.put("acknowledgedBy", acknowledged.by());
		document.put("at", clock.instant().toString());
		InstanceKeys.Signature signature = keys.sign(IntakePackage.signedBytes(document));
		ObjectNode signatureNode = document.putObject("signature");
		signatureNode.put("keyId", signature.keyId());
		signatureNode.put("value", signature.value());
		return CanonicalJson.text(document);
	}

	private ReportDetails words(IntakePackage pkg) {
		JsonNode words = pkg.document().path("words");
		if (!federation.self().name().equals(words.path("encryptedTo").asString(null))) {
			throw new InvalidInputException("words", "are encrypted to another installation");
		}
		try {
			byte[] plain = keys.decrypt(Base64.getDecoder().decode(words.path("ciphertext").asString("")),
					IntakePackage.wordsContext(pkg.intakeId(), federation.self().name()));
			return Intakes.JSON.readValue(new String(plain, StandardCharsets.UTF_8), ReportDetails.class);
		}
		catch (RuntimeException e) {
			throw new InvalidInputException("words", "do not open with this installation's keys");
		}
	}

	private ForbiddenException refused(IntakePackage pkg, String actor, String why) {
		audit.recordFor(actor, AuditRecord.denied("intake.arrive", "intake", pkg.intakeId(), why));
		return new ForbiddenException("The package is " + why);
	}
}
