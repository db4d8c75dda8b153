package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.cases.internal.CaseDetails;
import org.tipx.cases.internal.Cases;
import org.tipx.shared.Actor;

/**
 * One organisation's case team for a test: a case worker, a supervisor (its administrator) and a screener, each with
 * a token, and ways to open cases by hand or from a screening of a presumed victim with non-punishment measures.
 */
final class CareTeam {

	final Fixtures fixtures;

	final String organisation;

	final String caseWorkerName;

	final String caseWorker;

	final String supervisor;

	final String screener;

	private final Cases cases;

	private final JdbcClient jdbc;

	CareTeam(Fixtures fixtures, Cases cases, JdbcClient jdbc) {
		this.fixtures = fixtures;
		this.cases = cases;
		this.jdbc = jdbc;
		organisation = fixtures.organisation("CIVIL_SOCIETY", "TH");
		caseWorkerName = fixtures.account(organisation, "CASE_WORKER");
		caseWorker = fixtures.tokenFor(caseWorkerName);
		supervisor = fixtures.tokenFor(fixtures.account(organisation, "ORG_ADMIN"));
		screener = fixtures.tokenFor(fixtures.account(organisation, "SCREENER"));
	}

	/** A case opened by hand by the team's case worker. */
	String openCase() {
		String accountId = fixtures.accountId(caseWorkerName);
		Actor actor = new TestActor(UUID.fromString(accountId), caseWorkerName, UUID.fromString(organisation));
		var authentication = UsernamePasswordAuthenticationToken.authenticated(actor, null,
				List.of(new SimpleGrantedAuthority("ACCOUNT"), new SimpleGrantedAuthority("ROLE_CASE_WORKER")));
		var before = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
		SecurityContextHolder.getContext().setAuthentication(authentication);
		try {
			return cases.open(actor, new Cases.NewCase(new CaseDetails("PRESUMED", null, null, null, null, null, "ID",
					null, null, null, null, null, null, null, null), null)).id().toString();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

	/** Screens a presumed victim made to run scams, with immigration offences, and waits for the case it opens. */
	Screened screenVictim() {
		Reply reply = fixtures.api.post(screener, "/api/v1/screenings", Map.of("formId", "tipx-screening", "language",
				"en", "answers", Map.of("nationality", "ID", "age_band", "25_34", "A3", "yes", "C1", "yes", "E1", "yes",
						"I3", "yes", "full_name", "Rina Wulandari"),
				"consent", Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", false,
						"research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		String screening = reply.json().get("id").asString();
		String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(screening), Optional::isPresent)
				.orElseThrow();
		return new Screened(screening, caseId);
	}

	private Optional<String> caseOf(String screening) {
		return jdbc.sql("SELECT id::text FROM cases_case WHERE screening_id = ?::uuid").param(screening)
				.query(String.class).optional();
	}

	/** A screening and the case it opened. */
	record Screened(String screeningId, String caseId) {
	}

	private record TestActor(UUID account, String name, UUID organisationId) implements Actor {

		@Override
		public Optional<UUID> accountId() {
			return Optional.of(account);
		}

		@Override
		public String identity() {
			return "account:" + account;
		}
	}
}
