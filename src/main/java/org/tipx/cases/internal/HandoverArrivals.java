package org.tipx.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.OrganisationType;
import org.tipx.federation.CanonicalJson;
import org.tipx.federation.Federation;
import org.tipx.federation.SignerCheck;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.InstanceKeys;
import org.tipx.protection.SealedColumn;
import org.tipx.protection.SearchTokens;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.CountryCode;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Utc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Receives handover packages. A package is checked, in this order, before anything is stored: it parses (else 400
 * "malformed"); its signer is this installation or a trusted peer (else 403 "not a trusted peer"); its signature
 * verifies over the canonical JSON (else 400 "signature does not verify"); it is addressed to this installation and to
 * the caller's organisation (else 403 "addressed to another ..."); it was not received before (else 409 "already
 * received"). A case worker's import then opens a case in their organisation, linked to the sender's case; a peer's
 * push waits for a case worker of the addressed organisation to open it. Opening tells the sender (directly inside one
 * installation, by a signed receipt to a peer), and the sender sees the handover {@code RECEIVED}.
 */
@Service
public class HandoverArrivals {

	static final SealedColumn PACKAGE = new SealedColumn("cases_handover_received", "package_id", "package",
			"cases_handover_received.package");

	static final String RECEIPT_FORMAT = "tipx-handover-receipt/1";

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

	private static final List<String> MEASURE_STATES = List.of("TO_REQUEST", "REQUESTED", "DONE", "REFUSED");

	private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Consents consents;

	private final Timeline timeline;

	private final Handovers handovers;

	private final FieldCipher cipher;

	private final SearchTokens tokens;

	private final InstanceKeys keys;

	private final Federation federation;

	private final Directory directory;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HandoverArrivals(JdbcClient jdbc, Consents consents, Timeline timeline, Handovers handovers, FieldCipher cipher,
			SearchTokens tokens, InstanceKeys keys, Federation federation, Directory directory, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.consents = consents;
		this.timeline = timeline;
		this.handovers = handovers;
		this.cipher = cipher;
		this.tokens = tokens;
		this.keys = keys;
		this.federation = federation;
		this.directory = directory;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A received package as the receiving organisation sees it. */
	public record Arrival(UUID packageId, String state, String fromInstance, String fromOrganisation,
			UUID fromCaseId, UUID caseId, String caseReference, List<String> personalFields, String arrivedBy,
			Instant arrivedAt, String openedBy, Instant openedAt, String receipt) {
	}

	/** Tells the sending installation that its package opened a case here. */
	public record HandoverOpened(UUID packageId, String fromInstance, String receivedBy) {
	}

	/**
	 * A case worker (or an organisation's administrator) imports a package they were given: it opens a case in their
	 * organisation at once.
	 */
	@Transactional
	public Arrival importPackage(Actor actor, String text) {
		if (!CaseRoles.current().any()) {
			throw new ForbiddenException("Only case workers and organisation administrators import handovers");
		}
		Organisation mine = directory.organisation(new OrganisationId(actor.organisationId())).orElseThrow();
		HandoverPackage pkg = checked(text, null);
		if (!addressedTo(pkg, mine)) {
			throw refused(pkg, actor.name(), "addressed to another organisation: "
					+ "only a case worker of the organisation it names may import it");
		}
		// locked, so two case workers opening the same pushed package cannot open two cases
		boolean pushedEarlier = jdbc.sql("SELECT state FROM cases_handover_received WHERE package_id = ?"
				+ " AND to_organisation_id = ? FOR UPDATE").params(pkg.id(), mine.id().value()).query(String.class)
				.optional().filter("AWAITING"::equals).isPresent();
		if (!pushedEarlier) {
			// a package the peer already pushed is opened, not refused as a replay
			requireNew(pkg, actor.name());
			insertArrival(pkg, mine.id().value(), actor.name(), "AWAITING");
		}
		return open(pkg, mine, actor.name(), actor.accountId().orElse(null));
	}

	/**
	 * A peer installation pushes a package: once checked it waits, unopened, for a case worker of the organisation it
	 * is addressed to.
	 */
	@Transactional
	public Arrival acceptPush(String pushedBy, String text) {
		HandoverPackage pkg = checked(text, pushedBy);
		Organisation addressee = directory.organisations().stream().filter(o -> addressedTo(pkg, o)).findFirst()
				.orElseThrow(() -> refused(pkg, "peer:" + pushedBy,
						"addressed to another organisation: none of this installation's organisations is "
								+ pkg.document().path("to").path("organisation").asString("")));
		requireNew(pkg, "peer:" + pushedBy);
		insertArrival(pkg, addressee.id().value(), "peer:" + pushedBy, "AWAITING");
		audit.recordFor("peer:" + pushedBy, null, addressee.id().value(),
				AuditRecord.success("case.handover.arrive", "handover", pkg.id()).withDetail("pushed, awaiting"));
		return arrival(pkg.id());
	}

	/** A case worker of the addressed organisation opens a pushed package: the case opens and the sender is told. */
	@Transactional
	public Arrival openAwaiting(Actor actor, UUID packageId) {
		if (!CaseRoles.current().any()) {
			throw new ForbiddenException("Only case workers and organisation administrators open handovers");
		}
		String sealed = jdbc.sql("SELECT package FROM cases_handover_received WHERE package_id = ?"
				+ " AND to_organisation_id = ? AND state = 'AWAITING' FOR UPDATE")
				.params(packageId, actor.organisationId()).query(String.class).optional()
				.orElseThrow(() -> new NotFoundException("Handover awaiting a case worker"));
		HandoverPackage pkg = HandoverPackage.parse(cipher.open(sealed, PACKAGE.context(packageId)));
		SignerCheck check = federation.verify(pkg.fromInstance(), pkg.signedBytes(), pkg.signature());
		if (!check.verified()) {
			throw new ForbiddenException("The package was signed by " + pkg.fromInstance()
					+ ", which is no longer a trusted peer; nothing was opened");
		}
		Organisation mine = directory.organisation(new OrganisationId(actor.organisationId())).orElseThrow();
		return open(pkg, mine, actor.name(), actor.accountId().orElse(null));
	}

	/** The packages that arrived for the caller's organisation, newest first (the last 200). */
	@Transactional(readOnly = true)
	public List<Arrival> arrivals(Actor actor) {
		if (!CaseRoles.current().any()) {
			return List.of();
		}
		return jdbc.sql("SELECT r.*, c.reference FROM cases_handover_received r LEFT JOIN cases_case c"
				+ " ON c.id = r.case_id WHERE r.to_organisation_id = ? ORDER BY r.arrived_at DESC LIMIT 200")
				.param(actor.organisationId()).query((rs, n) -> arrival(rs)).list();
	}

	/** One arrival, to the addressed organisation. */
	@Transactional(readOnly = true)
	public Arrival arrival(Actor actor, UUID packageId) {
		return jdbc.sql("SELECT r.*, c.reference FROM cases_handover_received r LEFT JOIN cases_case c"
				+ " ON c.id = r.case_id WHERE r.package_id = ? AND r.to_organisation_id = ?")
				.params(packageId, actor.organisationId()).query((rs, n) -> arrival(rs)).optional()
				.orElseThrow(() -> new NotFoundException("Handover"));
	}

	/**
	 * A peer's receipt for a package this installation sent: signed by the peer the package went to.
	 *
	 * @throws InvalidInputException when it is malformed or its signature does not verify
	 * @throws ForbiddenException    when its signer is not a trusted peer, or not the one that sent it
	 * @throws NotFoundException     when no handover to that peer has that id
	 */
	@Transactional
	public String receipt(String pushedBy, String text) {
		JsonNode node;
		try {
			node = CanonicalJson.parse(text);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("receipt", "is malformed: " + e.getMessage());
		}
		String signer = node.path("from").path("instance").asString(null);
		if (!RECEIPT_FORMAT.equals(node.path("format").asString(null)) || signer == null
				|| node.path("signature").path("value").asString(null) == null) {
			throw new InvalidInputException("receipt", "is malformed: not a " + RECEIPT_FORMAT + " document");
		}
		if (!signer.equals(pushedBy)) {
			throw new ForbiddenException("The receipt is signed by " + signer + " but was posted by " + pushedBy);
		}
		ObjectNode unsigned = ((ObjectNode) node).deepCopy();
		unsigned.remove("signature");
		SignerCheck check = federation.verify(signer, CanonicalJson.bytes(unsigned),
				node.path("signature").path("value").asString());
		if (check.outcome() == SignerCheck.Outcome.NOT_TRUSTED) {
			throw new ForbiddenException("The receipt is signed by an instance that is not a trusted peer: " + signer);
		}
		if (!check.verified()) {
			throw new InvalidInputException("receipt", "signature does not verify: the receipt was changed or forged");
		}
		UUID packageId;
		try {
			packageId = UUID.fromString(node.path("packageId").asString(""));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("packageId", "is not a package id");
		}
		String by = node.path("receivedBy").asString(signer);
		if (!handovers.markReceived(packageId, signer, by.length() > 300 ? by.substring(0, 300) : by)) {
			boolean known = jdbc.sql("SELECT count(*) FROM cases_handover WHERE id = ? AND to_instance = ?")
					.params(packageId, signer).query(Integer.class).single() > 0;
			if (!known) {
				throw new NotFoundException("Handover");
			}
		}
		return "RECEIVED";
	}

	/** The signed receipt this installation posts to the sender of a package it opened. */
	String receiptFor(HandoverOpened opened) {
		ObjectNode receipt = Handovers.JSON.createObjectNode();
		receipt.put("format", RECEIPT_FORMAT);
		receipt.put("packageId", opened.packageId().toString());
		receipt.putObject("from").put("instance", federation.self().name());
		receipt.put("receivedBy", opened.receivedBy());
		receipt.put("state", "RECEIVED");
		receipt.put("at", clock.instant().toString());
		InstanceKeys.Signature signature = keys.sign(CanonicalJson.bytes(receipt));
		ObjectNode signatureNode = receipt.putObject("signature");
		signatureNode.put("keyId", signature.keyId());
		signatureNode.put("value", signature.value());
		return CanonicalJson.text(receipt);
	}

	void receiptDelivered(UUID packageId) {
		jdbc.sql("UPDATE cases_handover_received SET receipt = 'DELIVERED' WHERE package_id = ?").param(packageId)
				.update();
	}

	/** Parses and verifies; every refusal is audited and nothing is stored. */
	private HandoverPackage checked(String text, String pushedBy) {
		String actor = pushedBy == null ? Actor.current().map(Actor::name).orElse("anonymous") : "peer:" + pushedBy;
		HandoverPackage pkg;
		try {
			pkg = HandoverPackage.parse(text == null ? "" : text);
		}
		catch (IllegalArgumentException e) {
			audit.recordFor(actor, AuditRecord.denied("case.handover.import", "handover", null, "malformed"));
			throw new InvalidInputException("package", "is malformed: " + e.getMessage());
		}
		if (pushedBy != null && !pushedBy.equals(pkg.fromInstance())) {
			throw refused(pkg, actor, "pushed by " + pushedBy + " but signed as " + pkg.fromInstance());
		}
		SignerCheck check = federation.verify(pkg.fromInstance(), pkg.signedBytes(), pkg.signature());
		if (check.outcome() == SignerCheck.Outcome.NOT_TRUSTED) {
			throw refused(pkg, actor, "signed by an instance that is not a trusted peer (" + pkg.fromInstance()
					+ "): an administrator must register it first");
		}
		if (!check.verified()) {
			audit.recordFor(actor, AuditRecord.denied("case.handover.import", "handover", pkg.id(), "bad signature"));
			throw new InvalidInputException("package", "signature does not verify: the package was changed after "
					+ pkg.fromInstance() + " signed it, or was not signed by it");
		}
		String toInstance = pkg.document().path("to").path("instance").asString(null);
		if (!federation.self().name().equals(toInstance)) {
			throw refused(pkg, actor, "addressed to another installation (" + toInstance + ")");
		}
		return pkg;
	}

	private ForbiddenException refused(HandoverPackage pkg, String actor, String why) {
		audit.recordFor(actor, AuditRecord.denied("case.handover.import", "handover", pkg.id(), why));
		return new ForbiddenException("The package is " + why);
	}

	private void requireNew(HandoverPackage pkg, String actor) {
		Optional<OffsetDateTime> before = jdbc.sql("SELECT arrived_at FROM cases_handover_received"
				+ " WHERE package_id = ?").param(pkg.id()).query(OffsetDateTime.class).optional();
		if (before.isPresent()) {
			audit.recordFor(actor, AuditRecord.denied("case.handover.import", "handover", pkg.id(), "replayed"));
			throw new ConflictException("package", "already received (on " + before.get().toInstant()
					+ "): a package is imported once");
		}
	}

	private static boolean addressedTo(HandoverPackage pkg, Organisation organisation) {
		JsonNode to = pkg.document().path("to");
		String id = to.path("organisationId").asString(null);
		if (id != null) {
			return id.equals(organisation.id().value().toString());
		}
		String name = to.path("organisation").asString("");
		return name.strip().equalsIgnoreCase(organisation.name().strip())
				&& organisation.country().value().equals(to.path("country").asString(null));
	}

	private void insertArrival(HandoverPackage pkg, UUID organisationId, String by, String state) {
		JsonNode from = pkg.document().path("from");
		try {
			jdbc.sql("""
					INSERT INTO cases_handover_received (package_id, from_instance, from_organisation, from_case_id,
					  to_organisation_id, state, package, arrived_by, arrived_at, receipt)
					VALUES (?,?,?,?,?,?,?,?,?,'PENDING')""")
					.params(pkg.id(), pkg.fromInstance(), shortText(from.path("organisation").asString("?")),
							UUID.fromString(from.path("caseId").asString()), organisationId, state,
							cipher.seal(pkg.text(), PACKAGE.context(pkg.id())), by, Utc.now(clock))
					.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("package", "already received: a package is imported once");
		}
	}

	private Arrival open(HandoverPackage pkg, Organisation mine, String actorName, UUID accountId) {
		ObjectNode document = pkg.document();
		PersonalFields personal = personal(pkg);
		UUID caseId = UUID.randomUUID();
		insertCase(caseId, mine.id().value(), document.path("case"),
				document.path("nonPunishment").path("determined").asBoolean(false), actorName, accountId);
		if (personal != null && !personal.isEmpty()) {
			jdbc.sql("UPDATE cases_case SET personal = ?, name_tokens = ? WHERE id = ?")
					.params(cipher.seal(Handovers.JSON.writeValueAsString(personal), Cases.PERSONAL.context(caseId)),
							tokens.of(personal.searchableNames(), Cases.NAME_TOKENS).toArray(String[]::new), caseId)
					.update();
		}
		JsonNode consent = document.path("consent");
		List<String> referralTypes = new ArrayList<>();
		for (JsonNode type : consent.path("referralTypes").values()) {
			if (OrganisationType.names().contains(type.asString(""))) {
				referralTypes.add(type.asString());
			}
		}
		String explainedIn = consent.path("explainedIn").asString(null);
		String source = consent.path("source").asString("");
		JsonNode from = document.path("from");
		String sender = pkg.fromInstance() + "/" + from.path("organisation").asString("?");
		consents.first(caseId, consent.path("assistance").asBoolean(false), referralTypes,
				consent.path("shareWithCountryOfNationality").asBoolean(false), consent.path("research").asBoolean(false),
				explainedIn != null && LANGUAGE.matcher(explainedIn).matches() ? explainedIn : null,
				shortText(sender), "SCREENING".equals(source) ? "SCREENING" : "CASE_WORKER", null, actorName);
		for (JsonNode measure : document.path("nonPunishment").path("measures").values()) {
			String name = measure.path("measure").asString("");
			if (!name.isBlank() && name.length() <= 100) {
				String state = measure.path("state").asString("");
				jdbc.sql("INSERT INTO cases_measure (id, case_id, measure, state) VALUES (?,?,?,?)"
						+ " ON CONFLICT (case_id, measure) DO NOTHING")
						.params(UUID.randomUUID(), caseId, name, MEASURE_STATES.contains(state) ? state : "TO_REQUEST")
						.update();
			}
		}
		boolean local = federation.self().name().equals(pkg.fromInstance());
		jdbc.sql("UPDATE cases_handover_received SET state = 'OPENED', case_id = ?, opened_by = ?, opened_at = ?,"
				+ " receipt = ? WHERE package_id = ?")
				.params(caseId, actorName, Utc.now(clock), local ? "NOT_NEEDED" : "PENDING", pkg.id()).update();
		List<String> fields = new ArrayList<>();
		document.path("personal").path("fields").values().forEach(f -> fields.add(f.asString()));
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("from", sender);
		detail.put("fromCaseId", from.path("caseId").asString());
		detail.put("packageId", pkg.id().toString());
		detail.put("personalFields", fields);
		timeline.record(caseId, actorName, mine.id().value(), "handover.received", detail);
		audit.recordFor(actorName, accountId, mine.id().value(), AuditRecord.success("case.handover.import", "case",
				caseId).withDetail("package " + pkg.id() + " from " + sender + "; personal fields " + fields));
		String receivedBy = federation.self().name() + "/" + mine.name();
		if (local) {
			handovers.markReceived(pkg.id(), federation.self().name(), receivedBy);
		}
		else {
			events.publishEvent(new HandoverOpened(pkg.id(), pkg.fromInstance(), receivedBy));
		}
		return arrival(pkg.id());
	}

	private PersonalFields personal(HandoverPackage pkg) {
		JsonNode personal = pkg.document().path("personal");
		if (!personal.isObject()) {
			return null;
		}
		if (!federation.self().name().equals(personal.path("encryptedTo").asString(null))) {
			throw new InvalidInputException("personal", "is encrypted to another installation");
		}
		try {
			byte[] plain = keys.decrypt(Base64.getDecoder().decode(personal.path("ciphertext").asString("")),
					HandoverPackage.personalContext(pkg.id()));
			return Handovers.JSON.readValue(new String(plain, StandardCharsets.UTF_8), PersonalFields.class);
		}
		catch (IllegalStateException | IllegalArgumentException e) {
			throw new InvalidInputException("personal", "does not open with this installation's keys: it was "
					+ "encrypted to keys this installation no longer holds");
		}
	}

	private void insertCase(UUID id, UUID owner, JsonNode coded, boolean nonPunishment, String openedBy,
			UUID account) {
		String status = coded.path("traffickingStatus").asString("");
		status = Codes.TRAFFICKING_STATUS.contains(status) ? status : "NOT_DETERMINED";
		List<String> exploitation = known(coded.path("exploitationTypes"), Codes.EXPLOITATION_TYPES);
		String risk = coded.path("risk").asString("");
		OffsetDateTime now = Utc.now(clock);
		LocalDate identified = date(coded.path("identifiedOn"));
		jdbc.sql("""
				INSERT INTO cases_case (id, reference, owner_organisation_id, status, source, screening_outcome,
				  trafficking_status, status_decided_by, non_punishment, forced_criminality, recruitment_methods,
				  recruitment_platform, means_of_control, exploitation_types, nationality, transit_countries,
				  exploitation_countries, age_band, gender, recruited_on, exploitation_began_on, exited_on,
				  identified_on, risk, opened_by, opened_by_account, opened_at, updated_at)
				VALUES (?,?,?,'OPEN','HANDOVER',?,?,NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
				.params(id, reference(), owner, shortOrNull(coded.path("screeningOutcome").asString(null)), status,
						nonPunishment,
						coded.path("forcedCriminality").asBoolean(false) || exploitation.contains("FORCED_CRIMINALITY"),
						known(coded.path("recruitmentMethods"), Codes.RECRUITMENT_METHODS).toArray(String[]::new),
						one(coded.path("recruitmentPlatform"), Codes.PLATFORMS),
						known(coded.path("meansOfControl"), Codes.MEANS_OF_CONTROL).toArray(String[]::new),
						exploitation.toArray(String[]::new), country(coded.path("nationality").asString(null)),
						countries(coded.path("transitCountries")), countries(coded.path("exploitationCountries")),
						one(coded.path("ageBand"), Codes.AGE_BANDS), one(coded.path("gender"), Codes.GENDERS),
						date(coded.path("recruitedOn")), date(coded.path("exploitationBeganOn")),
						date(coded.path("exitedOn")), identified == null ? now.toLocalDate() : identified,
						Codes.RISKS.contains(risk) ? risk : "UNKNOWN", openedBy, account, now, now)
				.update();
	}

	private Arrival arrival(UUID packageId) {
		return jdbc.sql("SELECT r.*, c.reference FROM cases_handover_received r LEFT JOIN cases_case c"
				+ " ON c.id = r.case_id WHERE r.package_id = ?").param(packageId).query((rs, n) -> arrival(rs))
				.single();
	}

	private Arrival arrival(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("package_id", UUID.class);
		List<String> fields = new ArrayList<>();
		try {
			HandoverPackage.parse(cipher.open(rs.getString("package"), PACKAGE.context(id))).document()
					.path("personal").path("fields").values().forEach(f -> fields.add(f.asString()));
		}
		catch (RuntimeException e) {
			// listed without its fields rather than not at all
		}
		return new Arrival(id, rs.getString("state"), rs.getString("from_instance"),
				rs.getString("from_organisation"), rs.getObject("from_case_id", UUID.class),
				rs.getObject("case_id", UUID.class), rs.getString("reference"), fields, rs.getString("arrived_by"),
				Utc.instant(rs.getObject("arrived_at", OffsetDateTime.class)), rs.getString("opened_by"),
				Utc.instant(rs.getObject("opened_at", OffsetDateTime.class)), rs.getString("receipt"));
	}

	private static List<String> known(JsonNode values, List<String> vocabulary) {
		List<String> kept = new ArrayList<>();
		for (JsonNode value : values.values()) {
			String code = value.asString("");
			if (vocabulary.contains(code) && !kept.contains(code)) {
				kept.add(code);
			}
		}
		return kept;
	}

	private static String one(JsonNode value, List<String> vocabulary) {
		String code = value.asString(null);
		return code != null && vocabulary.contains(code) ? code : null;
	}

	private static String country(String code) {
		try {
			return code == null ? null : new CountryCode(code.toUpperCase(Locale.ROOT)).value();
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String[] countries(JsonNode values) {
		List<String> codes = new ArrayList<>();
		for (JsonNode value : values.values()) {
			String code = country(value.asString(null));
			if (code != null && !codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes.toArray(String[]::new);
	}

	private static LocalDate date(JsonNode value) {
		try {
			return value.isString() ? LocalDate.parse(value.asString()) : null;
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static String shortText(String text) {
		return text.length() > 300 ? text.substring(0, 300) : text;
	}

	private static String shortOrNull(String text) {
		return text == null ? null : shortText(text);
	}

	private static String reference() {
		StringBuilder reference = new StringBuilder("C-");
		for (int i = 0; i < 8; i++) {
			reference.append(CROCKFORD.charAt(RANDOM.nextInt(CROCKFORD.length())));
		}
		return reference.toString();
	}
}
