package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.cases.CaseAndItsCallers.Relationship;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12's access matrix over the API: one case owned by a Thai organisation, and for every relationship another
 * organisation can have to it, every role, and every class of data, what the caller gets. The expected answers are
 * written out in {@link #EXPECTED} from the rules in {@code CaseAccess}: the owner's case workers and administrators
 * see everything; an accepted referral sees the coded fields and the consent, and the personal fields only when it
 * shares them; a case worker's running break-glass grant sees everything; every other case worker or administrator
 * is told the case does not exist (404, and not listed). Roles that may never work on cases (screeners, analysts,
 * focal points) and machine tokens are refused by the API itself: 403 whatever the case.
 */
@TipxIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAccessMatrixIntegrationTests {

	/** What is asked for. */
	enum DataClass {
		CODED, PERSONAL, TIMELINE, CONSENT, LISTED
	}

	/**
	 * The expected answer of every cell. coded, timeline, consent: the HTTP status of GET /api/v1/cases/{id},
	 * .../timeline, .../consent. personal: "shown" (the view carries every personal field), "withheld" (200 without
	 * them), or the status. listed: whether GET /api/v1/cases lists the case ("yes", "no"), or the status. MACHINE is a
	 * machine token of the organisation with every scope an administrator may give it. In a break-glass organisation
	 * only the case worker broke the glass: the grant is theirs, not their colleagues'. 403 is the API refusing a role
	 * that may never work on cases; 404 is a case worker or administrator told the case does not exist.
	 */
	static final String EXPECTED = """
			relationship                      role         coded  personal  timeline  consent  listed
			OWNER                             CASE_WORKER  200    shown     200       200      yes
			OWNER                             ORG_ADMIN    200    shown     200       200      yes
			OWNER                             SCREENER     403    403       403       403      403
			OWNER                             ANALYST      403    403       403       403      403
			OWNER                             FOCAL_POINT  403    403       403       403      403
			OWNER                             MACHINE      403    403       403       403      403
			ACCEPTED_SHARING_PERSONAL         CASE_WORKER  200    shown     404       200      yes
			ACCEPTED_SHARING_PERSONAL         ORG_ADMIN    200    shown     404       200      yes
			ACCEPTED_SHARING_PERSONAL         SCREENER     403    403       403       403      403
			ACCEPTED_SHARING_PERSONAL         ANALYST      403    403       403       403      403
			ACCEPTED_SHARING_PERSONAL         FOCAL_POINT  403    403       403       403      403
			ACCEPTED_SHARING_PERSONAL         MACHINE      403    403       403       403      403
			ACCEPTED_CODED_ONLY               CASE_WORKER  200    withheld  404       200      yes
			ACCEPTED_CODED_ONLY               ORG_ADMIN    200    withheld  404       200      yes
			ACCEPTED_CODED_ONLY               SCREENER     403    403       403       403      403
			ACCEPTED_CODED_ONLY               ANALYST      403    403       403       403      403
			ACCEPTED_CODED_ONLY               FOCAL_POINT  403    403       403       403      403
			ACCEPTED_CODED_ONLY               MACHINE      403    403       403       403      403
			COMPLETED_SHARING_PERSONAL        CASE_WORKER  200    shown     404       200      yes
			COMPLETED_SHARING_PERSONAL        ORG_ADMIN    200    shown     404       200      yes
			COMPLETED_SHARING_PERSONAL        SCREENER     403    403       403       403      403
			COMPLETED_SHARING_PERSONAL        ANALYST      403    403       403       403      403
			COMPLETED_SHARING_PERSONAL        FOCAL_POINT  403    403       403       403      403
			COMPLETED_SHARING_PERSONAL        MACHINE      403    403       403       403      403
			DECLINED                          CASE_WORKER  404    404       404       404      no
			DECLINED                          ORG_ADMIN    404    404       404       404      no
			DECLINED                          SCREENER     403    403       403       403      403
			DECLINED                          ANALYST      403    403       403       403      403
			DECLINED                          FOCAL_POINT  403    403       403       403      403
			DECLINED                          MACHINE      403    403       403       403      403
			SENT_UNANSWERED                   CASE_WORKER  404    404       404       404      no
			SENT_UNANSWERED                   ORG_ADMIN    404    404       404       404      no
			SENT_UNANSWERED                   SCREENER     403    403       403       403      403
			SENT_UNANSWERED                   ANALYST      403    403       403       403      403
			SENT_UNANSWERED                   FOCAL_POINT  403    403       403       403      403
			SENT_UNANSWERED                   MACHINE      403    403       403       403      403
			REVOKED_AFTER_ACCEPTING           CASE_WORKER  404    404       404       404      no
			REVOKED_AFTER_ACCEPTING           ORG_ADMIN    404    404       404       404      no
			REVOKED_AFTER_ACCEPTING           SCREENER     403    403       403       403      403
			REVOKED_AFTER_ACCEPTING           ANALYST      403    403       403       403      403
			REVOKED_AFTER_ACCEPTING           FOCAL_POINT  403    403       403       403      403
			REVOKED_AFTER_ACCEPTING           MACHINE      403    403       403       403      403
			OTHER_ORGANISATION_SAME_COUNTRY   CASE_WORKER  404    404       404       404      no
			OTHER_ORGANISATION_SAME_COUNTRY   ORG_ADMIN    404    404       404       404      no
			OTHER_ORGANISATION_SAME_COUNTRY   SCREENER     403    403       403       403      403
			OTHER_ORGANISATION_SAME_COUNTRY   ANALYST      403    403       403       403      403
			OTHER_ORGANISATION_SAME_COUNTRY   FOCAL_POINT  403    403       403       403      403
			OTHER_ORGANISATION_SAME_COUNTRY   MACHINE      403    403       403       403      403
			OTHER_ORGANISATION_OTHER_COUNTRY  CASE_WORKER  404    404       404       404      no
			OTHER_ORGANISATION_OTHER_COUNTRY  ORG_ADMIN    404    404       404       404      no
			OTHER_ORGANISATION_OTHER_COUNTRY  SCREENER     403    403       403       403      403
			OTHER_ORGANISATION_OTHER_COUNTRY  ANALYST      403    403       403       403      403
			OTHER_ORGANISATION_OTHER_COUNTRY  FOCAL_POINT  403    403       403       403      403
			OTHER_ORGANISATION_OTHER_COUNTRY  MACHINE      403    403       403       403      403
			BREAK_GLASS_ACTIVE                CASE_WORKER  200    shown     200       200      yes
			BREAK_GLASS_ACTIVE                ORG_ADMIN    404    404       404       404      no
			BREAK_GLASS_ACTIVE                SCREENER     403    403       403       403      403
			BREAK_GLASS_ACTIVE                ANALYST      403    403       403       403      403
			BREAK_GLASS_ACTIVE                FOCAL_POINT  403    403       403       403      403
			BREAK_GLASS_ACTIVE                MACHINE      403    403       403       403      403
			BREAK_GLASS_EXPIRED               CASE_WORKER  404    404       404       404      no
			BREAK_GLASS_EXPIRED               ORG_ADMIN    404    404       404       404      no
			BREAK_GLASS_EXPIRED               SCREENER     403    403       403       403      403
			BREAK_GLASS_EXPIRED               ANALYST      403    403       403       403      403
			BREAK_GLASS_EXPIRED               FOCAL_POINT  403    403       403       403      403
			BREAK_GLASS_EXPIRED               MACHINE      403    403       403       403      403
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	CaseAndItsCallers the;

	@BeforeAll
	void oneCaseAndEveryRelationshipToIt() {
		fixtures = new Fixtures(new Api(port));
		the = new CaseAndItsCallers(fixtures, jdbc);
	}

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		List<String> rows = EXPECTED.lines().skip(1).filter(line -> !line.isBlank()).toList();
		assertThat(rows).as("one row per relationship and role")
				.hasSize(Relationship.values().length * (CaseAndItsCallers.ROLES.size() + 1));
		for (String row : rows) {
			String[] cell = row.strip().split("\\s+");
			for (DataClass data : DataClass.values()) {
				cells.add(Arguments.of(Relationship.valueOf(cell[0]), cell[1], data, cell[2 + data.ordinal()]));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} as {1}: {2} -> {3}")
	@MethodSource("cells")
	void everyRelationshipAndRoleGetsExactlyWhatTheRulesAllow(Relationship relationship, String role, DataClass data,
			String expected) {
		try {
			check(relationship, role, data, expected);
		}
		catch (AssertionError e) {
			// surefire's report names the cell by index only: say which cell failed
			throw new AssertionError(relationship + " as " + role + ": " + data + " expected " + expected + " -- "
					+ e.getMessage(), e);
		}
	}

	private void check(Relationship relationship, String role, DataClass data, String expected) {
		String token = the.token(relationship, role);
		switch (data) {
			case CODED -> {
				Reply reply = fixtures.api.get(token, "/api/v1/cases/" + the.caseId);
				assertStatus(reply, expected);
				if (reply.status() == 200) {
					JsonNode view = reply.json();
					assertThat(view.get("id").asString()).isEqualTo(the.caseId);
					assertThat(view.get("traffickingStatus").asString()).isEqualTo("PRESUMED");
					assertThat(view.get("nationality").asString()).isEqualTo("MM");
					assertThat(view.get("exploitationTypes").toString()).contains("FORCED_LABOUR");
					assertThat(view.get("access").asString()).isEqualTo(CaseAndItsCallers.access(relationship));
				}
			}
			case PERSONAL -> {
				Reply reply = fixtures.api.get(token, "/api/v1/cases/" + the.caseId);
				switch (expected) {
					case "shown" -> {
						assertThat(reply.status()).as(reply.body()).isEqualTo(200);
						JsonNode personal = reply.json().get("personal");
						assertThat(personal).as("personal fields in " + reply.body()).isNotNull();
						CaseAndItsCallers.PERSONAL.forEach((field, value) -> assertThat(personal.get(field).asString()).as(field)
								.isEqualTo(value));
					}
					case "withheld" -> {
						assertThat(reply.status()).as(reply.body()).isEqualTo(200);
						assertThat(reply.json().has("personal")).as(reply.body()).isFalse();
						assertNoPersonalValue(reply);
					}
					default -> assertStatus(reply, expected);
				}
			}
			case TIMELINE -> {
				Reply reply = fixtures.api.get(token, "/api/v1/cases/" + the.caseId + "/timeline");
				assertStatus(reply, expected);
				if (reply.status() == 200) {
					assertThat(reply.json().get("items").valueStream().map(e -> e.get("kind").asString()))
							.contains("case.opened", "referral.accepted", "break_glass.opened");
					assertNoPersonalValue(reply);
				}
			}
			case CONSENT -> {
				Reply reply = fixtures.api.get(token, "/api/v1/cases/" + the.caseId + "/consent");
				assertStatus(reply, expected);
				if (reply.status() == 200) {
					assertThat(reply.json().get("inForce").get("assistance").asBoolean()).isTrue();
					assertThat(reply.json().get("inForce").get("explainedIn").asString()).isEqualTo("my");
					assertNoPersonalValue(reply);
				}
			}
			case LISTED -> {
				Reply reply = fixtures.api.get(token, "/api/v1/cases");
				if (expected.equals("yes") || expected.equals("no")) {
					assertThat(reply.status()).as(reply.body()).isEqualTo(200);
					List<String> listed = reply.json().get("items").valueStream().map(c -> c.get("id").asString())
							.toList();
					if (expected.equals("yes")) {
						assertThat(listed).contains(the.caseId);
					}
					else {
						assertThat(listed).doesNotContain(the.caseId);
					}
					assertNoPersonalValue(reply);
				}
				else {
					assertStatus(reply, expected);
				}
			}
		}
	}

	@Test
	void withdrawingConsentToReferralTakesThePersonalFieldsAwayFromAnAcceptedReferralAtOnce() {
		String owner = fixtures.organisation("CIVIL_SOCIETY", "TH");
		String ownerWorker = fixtures.tokenFor(fixtures.account(owner, "CASE_WORKER"));
		String receiver = fixtures.organisation("CIVIL_SOCIETY", "ID");
		String receiverWorker = fixtures.tokenFor(fixtures.account(receiver, "CASE_WORKER"));
		Reply opened = fixtures.api.post(ownerWorker, "/api/v1/cases", Map.of("traffickingStatus", "POSSIBLE",
				"nationality", "MM", "personal", Map.of("fullName", "Withdrawa Consentine"), "consent",
				Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", false, "research",
						false, "explainedIn", "my")));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String id = opened.json().get("id").asString();
		Reply referred = fixtures.api.post(ownerWorker, "/api/v1/cases/" + id + "/referrals",
				Map.of("toOrganisationId", receiver, "services", List.of("SHELTER"), "sharePersonal", true));
		assertThat(referred.status()).as(referred.body()).isEqualTo(201);
		assertThat(fixtures.api.post(receiverWorker, "/api/v1/referrals/" + referred.json().get("id").asString()
				+ "/accept", null).status()).isEqualTo(200);
		assertThat(fixtures.api.get(receiverWorker, "/api/v1/cases/" + id).json().get("personal").get("fullName")
				.asString()).isEqualTo("Withdrawa Consentine");

		Reply withdrawn = fixtures.api.put(ownerWorker, "/api/v1/cases/" + id + "/consent", Map.of("assistance", true,
				"referral", false, "shareWithCountryOfNationality", false, "research", false, "explainedIn", "my"));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

		Reply after = fixtures.api.get(receiverWorker, "/api/v1/cases/" + id);
		assertThat(after.status()).as("the referral still stands: coded fields").isEqualTo(200);
		assertThat(after.json().get("access").asString()).isEqualTo("REFERRED");
		assertThat(after.json().has("personal")).as(after.body()).isFalse();
		assertThat(after.body()).doesNotContain("Withdrawa");
		assertThat(fixtures.api.get(receiverWorker, "/api/v1/cases/" + id + "/consent").json().get("inForce")
				.get("referralTypes")).isEmpty();
		assertThat(fixtures.api.get(ownerWorker, "/api/v1/cases/" + id).json().get("personal").get("fullName")
				.asString()).as("the owner still sees them").isEqualTo("Withdrawa Consentine");
	}

	private void assertStatus(Reply reply, String expected) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(Integer.parseInt(expected));
		if (reply.status() != 200) {
			assertThat(reply.isProblem()).as("problem+json: " + reply.contentType()).isTrue();
			assertNoPersonalValue(reply);
			assertThat(reply.body()).as("a refusal does not name the case").doesNotContain(the.reference);
		}
	}

	private static void assertNoPersonalValue(Reply reply) {
		for (String value : CaseAndItsCallers.PERSONAL.values()) {
			assertThat(reply.body()).doesNotContain(value);
		}
	}
}
