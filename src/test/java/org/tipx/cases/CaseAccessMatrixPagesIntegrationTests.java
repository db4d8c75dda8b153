package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;
import org.tipx.cases.CaseAndItsCallers.Relationship;

/**
 * Issue 12's access matrix on the main pages, as people signed in with a session see them: the case page
 * ({@code /cases/{id}}) and the case list ({@code /cases}), for every relationship and every role of a person (a
 * machine token holds no session). The rules are those of the API ({@link CaseAccessMatrixIntegrationTests}): the
 * page answers what the API answers, shows the personal fields exactly where the API does, and lists the case exactly
 * where the API does.
 */
@TipxIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAccessMatrixPagesIntegrationTests {

	/** What is looked at. */
	enum Look {
		PAGE, PERSONAL, LISTED
	}

	/**
	 * page: the HTTP status of GET /cases/{id}. personal: "shown" (every personal field but the date of birth, which a
	 * page may format its own way, is on the page), "withheld" (200 without any), or the status. listed: whether
	 * GET /cases shows the case's reference ("yes", "no"), or the status.
	 */
	static final String EXPECTED = """
			relationship                      role         page  personal  listed
			OWNER                             CASE_WORKER  200   shown     yes
			OWNER                             ORG_ADMIN    200   shown     yes
			OWNER                             SCREENER     403   403       403
			OWNER                             ANALYST      403   403       403
			OWNER                             FOCAL_POINT  403   403       403
			ACCEPTED_SHARING_PERSONAL         CASE_WORKER  200   shown     yes
			ACCEPTED_SHARING_PERSONAL         ORG_ADMIN    200   shown     yes
			ACCEPTED_SHARING_PERSONAL         SCREENER     403   403       403
			ACCEPTED_SHARING_PERSONAL         ANALYST      403   403       403
			ACCEPTED_SHARING_PERSONAL         FOCAL_POINT  403   403       403
			ACCEPTED_CODED_ONLY               CASE_WORKER  200   withheld  yes
			ACCEPTED_CODED_ONLY               ORG_ADMIN    200   withheld  yes
			ACCEPTED_CODED_ONLY               SCREENER     403   403       403
			ACCEPTED_CODED_ONLY               ANALYST      403   403       403
			ACCEPTED_CODED_ONLY               FOCAL_POINT  403   403       403
			COMPLETED_SHARING_PERSONAL        CASE_WORKER  200   shown     yes
			COMPLETED_SHARING_PERSONAL        ORG_ADMIN    200   shown     yes
			COMPLETED_SHARING_PERSONAL        SCREENER     403   403       403
			COMPLETED_SHARING_PERSONAL        ANALYST      403   403       403
			COMPLETED_SHARING_PERSONAL        FOCAL_POINT  403   403       403
			DECLINED                          CASE_WORKER  404   404       no
			DECLINED                          ORG_ADMIN    404   404       no
			DECLINED                          SCREENER     403   403       403
			DECLINED                          ANALYST      403   403       403
			DECLINED                          FOCAL_POINT  403   403       403
			SENT_UNANSWERED                   CASE_WORKER  404   404       no
			SENT_UNANSWERED                   ORG_ADMIN    404   404       no
			SENT_UNANSWERED                   SCREENER     403   403       403
			SENT_UNANSWERED                   ANALYST      403   403       403
			SENT_UNANSWERED                   FOCAL_POINT  403   403       403
			REVOKED_AFTER_ACCEPTING           CASE_WORKER  404   404       no
			REVOKED_AFTER_ACCEPTING           ORG_ADMIN    404   404       no
			REVOKED_AFTER_ACCEPTING           SCREENER     403   403       403
			REVOKED_AFTER_ACCEPTING           ANALYST      403   403       403
			REVOKED_AFTER_ACCEPTING           FOCAL_POINT  403   403       403
			OTHER_ORGANISATION_SAME_COUNTRY   CASE_WORKER  404   404       no
			OTHER_ORGANISATION_SAME_COUNTRY   ORG_ADMIN    404   404       no
			OTHER_ORGANISATION_SAME_COUNTRY   SCREENER     403   403       403
			OTHER_ORGANISATION_SAME_COUNTRY   ANALYST      403   403       403
			OTHER_ORGANISATION_SAME_COUNTRY   FOCAL_POINT  403   403       403
			OTHER_ORGANISATION_OTHER_COUNTRY  CASE_WORKER  404   404       no
			OTHER_ORGANISATION_OTHER_COUNTRY  ORG_ADMIN    404   404       no
			OTHER_ORGANISATION_OTHER_COUNTRY  SCREENER     403   403       403
			OTHER_ORGANISATION_OTHER_COUNTRY  ANALYST      403   403       403
			OTHER_ORGANISATION_OTHER_COUNTRY  FOCAL_POINT  403   403       403
			BREAK_GLASS_ACTIVE                CASE_WORKER  200   shown     yes
			BREAK_GLASS_ACTIVE                ORG_ADMIN    404   404       no
			BREAK_GLASS_ACTIVE                SCREENER     403   403       403
			BREAK_GLASS_ACTIVE                ANALYST      403   403       403
			BREAK_GLASS_ACTIVE                FOCAL_POINT  403   403       403
			BREAK_GLASS_EXPIRED               CASE_WORKER  404   404       no
			BREAK_GLASS_EXPIRED               ORG_ADMIN    404   404       no
			BREAK_GLASS_EXPIRED               SCREENER     403   403       403
			BREAK_GLASS_EXPIRED               ANALYST      403   403       403
			BREAK_GLASS_EXPIRED               FOCAL_POINT  403   403       403
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	CaseAndItsCallers the;

	final Map<Relationship, Map<String, Visitor>> visitors = new EnumMap<>(Relationship.class);

	@BeforeAll
	void oneCaseAndEveryRelationshipToIt() {
		the = new CaseAndItsCallers(new Fixtures(new Api(port)), jdbc);
		for (Relationship relationship : Relationship.values()) {
			Map<String, Visitor> signedIn = new HashMap<>();
			for (String role : CaseAndItsCallers.ROLES) {
				signedIn.put(role, Visitor.loggedIn(port, the.username(relationship, role), Fixtures.PASSWORD));
			}
			visitors.put(relationship, signedIn);
		}
	}

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		List<String> rows = EXPECTED.lines().skip(1).filter(line -> !line.isBlank()).toList();
		assertThat(rows).as("one row per relationship and role of a person")
				.hasSize(Relationship.values().length * CaseAndItsCallers.ROLES.size());
		for (String row : rows) {
			String[] cell = row.strip().split("\\s+");
			for (Look look : Look.values()) {
				cells.add(Arguments.of(Relationship.valueOf(cell[0]), cell[1], look, cell[2 + look.ordinal()]));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} as {1}: {2} -> {3}")
	@MethodSource("cells")
	void everyRelationshipAndRoleSeesOnThePagesExactlyWhatTheRulesAllow(Relationship relationship, String role,
			Look look, String expected) {
		try {
			check(visitors.get(relationship).get(role), relationship, look, expected);
		}
		catch (AssertionError e) {
			// surefire's report names the cell by index only: say which cell failed
			throw new AssertionError(relationship + " as " + role + ": " + look + " expected " + expected + " -- "
					+ e.getMessage(), e);
		}
	}

	private void check(Visitor visitor, Relationship relationship, Look look, String expected) {
		switch (look) {
			case PAGE -> {
				Page page = visitor.get("/cases/" + the.caseId);
				assertStatus(page, expected);
				if (page.isOk()) {
					assertThat(page.body()).contains(the.reference);
				}
			}
			case PERSONAL -> {
				Page page = visitor.get("/cases/" + the.caseId);
				switch (expected) {
					case "shown" -> {
						assertThat(page.status()).isEqualTo(200);
						String text = page.html().text();
						CaseAndItsCallers.PERSONAL.forEach((field, value) -> {
							if (!field.equals("dateOfBirth")) {
								assertThat(text).as(field).contains(value);
							}
						});
					}
					case "withheld" -> {
						assertThat(page.status()).isEqualTo(200);
						assertNoPersonalValue(page);
					}
					default -> assertStatus(page, expected);
				}
			}
			case LISTED -> {
				Page page = visitor.get("/cases");
				if (expected.equals("yes") || expected.equals("no")) {
					assertThat(page.status()).isEqualTo(200);
					if (expected.equals("yes")) {
						assertThat(page.body()).contains(the.reference);
					}
					else {
						assertThat(page.body()).doesNotContain(the.reference).doesNotContain(the.caseId);
					}
					assertNoPersonalValue(page);
				}
				else {
					assertStatus(page, expected);
				}
			}
		}
	}

	private void assertStatus(Page page, String expected) {
		assertThat(page.status()).isEqualTo(Integer.parseInt(expected));
		if (!page.isOk()) {
			assertNoPersonalValue(page);
			assertThat(page.body()).as("a refusal does not name the case").doesNotContain(the.reference);
		}
	}

	private static void assertNoPersonalValue(Page page) {
		String text = page.html().text();
		for (String value : CaseAndItsCallers.PERSONAL.values()) {
			assertThat(text).doesNotContain(value);
		}
	}
}
