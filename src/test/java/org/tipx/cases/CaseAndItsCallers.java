package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;

/**
 * One case owned by a fresh Thai organisation, with personal fields of distinctive values, and for every
 * {@link Relationship} a fresh organisation that has it, with one account of each role of {@link #ROLES} (username and
 * token) and a machine token. Built through the API, except that the expired break-glass grant's two hours are made to
 * have passed in the database.
 */
final class CaseAndItsCallers {

	/** How a caller's organisation comes to the case. */
	enum Relationship {
		OWNER, ACCEPTED_SHARING_PERSONAL, ACCEPTED_CODED_ONLY, COMPLETED_SHARING_PERSONAL, DECLINED, SENT_UNANSWERED,
		REVOKED_AFTER_ACCEPTING, OTHER_ORGANISATION_SAME_COUNTRY, OTHER_ORGANISATION_OTHER_COUNTRY, BREAK_GLASS_ACTIVE,
		BREAK_GLASS_EXPIRED
	}

	/** The people's roles; {@code MACHINE} (a machine token) comes on top. */
	static final List<String> ROLES = List.of("CASE_WORKER", "ORG_ADMIN", "SCREENER", "ANALYST", "FOCAL_POINT");

	static final String MACHINE = "MACHINE";

	/** Distinctive values of every personal field, so that a leak cannot be a coincidence. */
	static final Map<String, String> PERSONAL = Map.of("fullName", "Matrixa Quenby-Ardelle", "otherNames",
			"Maa Kwenbee", "dateOfBirth", "1931-07-29", "documents", "Passport MQ7731904 issued by MM", "contacts",
			"+95 9 7731 0419 (matrix)", "addresses", "Unit 17 Marigold Matrix Lane, Mae Sot", "familyContact",
			"Aunt Zevanya Matrix, +95 9 4410 1977", "ownAccounts", "telegram @matrixa_quenby");

	final String caseId;

	final String reference;

	private final Map<Relationship, Map<String, String>> usernames = new EnumMap<>(Relationship.class);

	private final Map<Relationship, Map<String, String>> tokens = new EnumMap<>(Relationship.class);

	private final Fixtures fixtures;

	CaseAndItsCallers(Fixtures fixtures, JdbcClient jdbc) {
		this.fixtures = fixtures;
		Map<Relationship, String> organisations = new EnumMap<>(Relationship.class);
		organisations.put(Relationship.OWNER, fixtures.organisation("CIVIL_SOCIETY", "TH"));
		organisations.put(Relationship.ACCEPTED_SHARING_PERSONAL, fixtures.organisation("CIVIL_SOCIETY", "ID"));
		organisations.put(Relationship.ACCEPTED_CODED_ONLY, fixtures.organisation("INTERNATIONAL_ORGANISATION", "KH"));
		organisations.put(Relationship.COMPLETED_SHARING_PERSONAL, fixtures.organisation("CIVIL_SOCIETY", "SG"));
		organisations.put(Relationship.DECLINED, fixtures.organisation("CIVIL_SOCIETY", "MY"));
		organisations.put(Relationship.SENT_UNANSWERED, fixtures.organisation("CIVIL_SOCIETY", "VN"));
		organisations.put(Relationship.REVOKED_AFTER_ACCEPTING, fixtures.organisation("CIVIL_SOCIETY", "PH"));
		organisations.put(Relationship.OTHER_ORGANISATION_SAME_COUNTRY, fixtures.organisation("CIVIL_SOCIETY", "TH"));
		organisations.put(Relationship.OTHER_ORGANISATION_OTHER_COUNTRY, fixtures.organisation("CIVIL_SOCIETY", "LA"));
		organisations.put(Relationship.BREAK_GLASS_ACTIVE, fixtures.organisation("BORDER_IMMIGRATION", "MY"));
		organisations.put(Relationship.BREAK_GLASS_EXPIRED, fixtures.organisation("BORDER_IMMIGRATION", "KH"));
		organisations.forEach(this::staff);

		String owner = token(Relationship.OWNER, "CASE_WORKER");
		Reply opened = fixtures.api.post(owner, "/api/v1/cases", Map.of("traffickingStatus", "PRESUMED",
				"nationality", "MM", "exploitationTypes", List.of("FORCED_LABOUR"), "ageBand", "25_34", "personal",
				new HashMap<>(PERSONAL), "consent", Map.of("assistance", true, "referral", true,
						"shareWithCountryOfNationality", false, "research", false, "explainedIn", "my")));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		caseId = opened.json().get("id").asString();
		reference = opened.json().get("reference").asString();

		String sharing = refer(owner, organisations.get(Relationship.ACCEPTED_SHARING_PERSONAL), true);
		answer(Relationship.ACCEPTED_SHARING_PERSONAL, sharing, "accept", null);
		String coded = refer(owner, organisations.get(Relationship.ACCEPTED_CODED_ONLY), false);
		answer(Relationship.ACCEPTED_CODED_ONLY, coded, "accept", null);
		String completed = refer(owner, organisations.get(Relationship.COMPLETED_SHARING_PERSONAL), true);
		answer(Relationship.COMPLETED_SHARING_PERSONAL, completed, "accept", null);
		answer(Relationship.COMPLETED_SHARING_PERSONAL, completed, "complete", null);
		String declined = refer(owner, organisations.get(Relationship.DECLINED), true);
		answer(Relationship.DECLINED, declined, "decline", Map.of("reason", "No shelter space this month"));
		refer(owner, organisations.get(Relationship.SENT_UNANSWERED), true);
		String revoked = refer(owner, organisations.get(Relationship.REVOKED_AFTER_ACCEPTING), true);
		answer(Relationship.REVOKED_AFTER_ACCEPTING, revoked, "accept", null);
		Reply revoking = fixtures.api.post(owner, "/api/v1/referrals/" + revoked + "/revoke",
				Map.of("reason", "Sent to the wrong office"));
		assertThat(revoking.status()).as(revoking.body()).isEqualTo(200);

		breakGlass(Relationship.BREAK_GLASS_ACTIVE);
		breakGlass(Relationship.BREAK_GLASS_EXPIRED);
		// the two hours of the second grant have passed
		jdbc.sql("UPDATE cases_break_glass SET expires_at = now() - interval '1 minute'"
				+ " WHERE case_id = ?::uuid AND organisation_id = ?::uuid")
				.params(caseId, organisations.get(Relationship.BREAK_GLASS_EXPIRED)).update();
	}

	/** The bearer token of the role's account (or the machine token) in the organisation with the relationship. */
	String token(Relationship relationship, String role) {
		return tokens.get(relationship).get(role);
	}

	/** The username of the role's account in the organisation with the relationship. */
	String username(Relationship relationship, String role) {
		return usernames.get(relationship).get(role);
	}

	/** How the case view names the access of a relationship that sees it. */
	static String access(Relationship relationship) {
		return switch (relationship) {
			case OWNER -> "OWNER";
			case BREAK_GLASS_ACTIVE -> "BREAK_GLASS";
			default -> "REFERRED";
		};
	}

	/** One account of each role, and a machine token with every scope an organisation's administrator may give. */
	private void staff(Relationship relationship, String organisation) {
		Map<String, String> names = new HashMap<>();
		Map<String, String> bearers = new HashMap<>();
		for (String role : ROLES) {
			names.put(role, fixtures.account(organisation, role));
			bearers.put(role, fixtures.tokenFor(names.get(role)));
		}
		Reply machine = fixtures.api.post(bearers.get("ORG_ADMIN"), "/api/v1/tokens", Map.of("name",
				"case matrix integration", "scopes", List.of("directory:read", "signals:read", "signals:write")));
		assertThat(machine.status()).as(machine.body()).isEqualTo(201);
		bearers.put(MACHINE, machine.json().get("token").asString());
		usernames.put(relationship, names);
		tokens.put(relationship, bearers);
	}

	private String refer(String ownerWorker, String to, boolean sharePersonal) {
		Reply sent = fixtures.api.post(ownerWorker, "/api/v1/cases/" + caseId + "/referrals", Map.of(
				"toOrganisationId", to, "services", List.of("SHELTER", "LEGAL_AID"), "sharePersonal", sharePersonal));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		return sent.json().get("id").asString();
	}

	private void answer(Relationship relationship, String referralId, String step, Map<String, String> body) {
		Reply answered = fixtures.api.post(token(relationship, "CASE_WORKER"),
				"/api/v1/referrals/" + referralId + "/" + step, body);
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
	}

	private void breakGlass(Relationship relationship) {
		Reply granted = fixtures.api.post(token(relationship, "CASE_WORKER"), "/api/v1/cases/" + caseId
				+ "/break-glass", Map.of("reason", "Person collapsed at the checkpoint and cannot speak"));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
	}
}
