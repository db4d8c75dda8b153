package org.tipx.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.protection.SearchTokens;
import org.tipx.shared.Actor;

@TipxIntegrationTest
class CaseListIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchTokens tokens;

	record Worker(Optional<UUID> accountId, String name, String identity, UUID organisationId) implements Actor {
	}

	/** A visible case as the list should show it. */
	record Seen(UUID id, OffsetDateTime updatedAt, String access) {
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void pagesShowOwnReferredAndBreakGlassCasesOnceEachNewestChangeFirst() {
		Fixtures fixtures = new Fixtures(new Api(port));
		UUID mine = UUID.fromString(fixtures.organisation("CIVIL_SOCIETY", "TH"));
		UUID other = UUID.fromString(fixtures.organisation("GOVERNMENT", "KH"));
		UUID third = UUID.fromString(fixtures.organisation("GOVERNMENT", "MM"));
		UUID account = UUID.randomUUID();
		Worker worker = new Worker(Optional.of(account), "worker", account.toString(), mine);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		List<Seen> expected = new ArrayList<>();
		for (int i = 0; i < 210; i++) {
			// the same change time for pairs of cases, so that the order by id counts too
			OffsetDateTime updated = now.minusMinutes(i / 2 * 3 + 1);
			UUID owner = i % 3 == 0 ? mine : i % 3 == 1 ? other : third;
			UUID id = aCase(owner, updated, "Siti Rahma" + (i % 2 == 0 ? "" : " Wijaya"));
			String access = owner.equals(mine) ? "OWNER" : null;
			if (!owner.equals(mine) && i % 4 == 1) {
				referral(id, owner, mine, "ACCEPTED");
				referral(id, owner, mine, "COMPLETED"); // seen twice through referrals, listed once
				access = "REFERRED";
			}
			if (!owner.equals(mine) && i % 4 == 3) {
				referral(id, owner, mine, i % 8 == 3 ? "SENT" : "DECLINED"); // not (yet) seen
			}
			if (!owner.equals(mine) && i % 5 == 2) {
				breakGlass(id, account, now.plusHours(1));
				access = "BREAK_GLASS"; // also when referred: the first access by name, as the list always chose
			}
			if (!owner.equals(mine) && i % 7 == 5) {
				breakGlass(id, account, now.minusMinutes(1)); // expired: not seen through it
			}
			if (access != null) {
				expected.add(new Seen(id, updated, access));
			}
		}
		// PostgreSQL orders uuids by their bytes, as their text in lower case sorts
		expected.sort(Comparator.comparing(Seen::updatedAt).reversed().thenComparing(s -> s.id().toString()));
		signIn(worker);

		List<Seen> listed = new ArrayList<>();
		List<Boolean> more = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			Cases.CasePage result = cases.list(worker, new CaseQuery(null, null, null, null, null, null, null, page));
			result.items().forEach(s -> listed.add(new Seen(s.id(), s.updatedAt().atOffset(ZoneOffset.UTC),
					s.access())));
			more.add(result.more());
		}

		assertThat(expected.size()).isBetween(101, 149);
		assertThat(listed).isEqualTo(expected);
		assertThat(more).containsExactly(true, true, false);
		List<UUID> found = cases.list(worker, new CaseQuery(null, null, "wijaya", null, null, null, null, 0)).items()
				.stream().map(CaseSummary::id).toList();
		assertThat(found).as("a name word finds the cases whose names the caller sees, not the referred ones")
				.containsExactlyElementsOf(expected.stream().filter(s -> !"REFERRED".equals(s.access())).map(Seen::id)
						.filter(id -> jdbc.sql("SELECT ? = ANY (name_tokens) FROM cases_case WHERE id = ?")
								.params(tokens.of("wijaya", Cases.NAME_TOKENS).get(0), id).query(Boolean.class)
								.single())
						.limit(50).toList());
		assertThat(found).isNotEmpty();
	}

	private UUID aCase(UUID owner, OffsetDateTime updated, String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO cases_case (id, reference, owner_organisation_id, status, source, trafficking_status,
				  identified_on, name_tokens, opened_by, opened_at, updated_at)
				VALUES (?, ?, ?, 'OPEN', 'MANUAL', 'POSSIBLE', CURRENT_DATE, ?::text[], 'test', ?, ?)""")
				.params(id, "C-" + id.toString().substring(0, 8).toUpperCase(), owner,
						tokens.of(name, Cases.NAME_TOKENS).toArray(String[]::new), updated.minusDays(1), updated)
				.update();
		return id;
	}

	private void referral(UUID caseId, UUID from, UUID to, String state) {
		jdbc.sql("""
				INSERT INTO cases_referral (id, case_id, from_organisation_id, to_organisation_id, state, services,
				  share_personal, consent_version, sent_by, sent_at)
				VALUES (?, ?, ?, ?, ?, '{SHELTER}', false, 1, 'test', now())""")
				.params(UUID.randomUUID(), caseId, from, to, state).update();
	}

	private void breakGlass(UUID caseId, UUID account, OffsetDateTime expires) {
		jdbc.sql("""
				INSERT INTO cases_break_glass (id, case_id, organisation_id, account_id, actor, reason, granted_at,
				  expires_at) VALUES (?, ?, ?, ?, 'worker', 'sealed elsewhere', now(), ?)""")
				.params(UUID.randomUUID(), caseId, UUID.randomUUID(), account, expires).update();
	}

	private static void signIn(Worker worker) {
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(worker, null,
				List.of(new SimpleGrantedAuthority("ACCOUNT"), new SimpleGrantedAuthority("ROLE_CASE_WORKER"))));
	}
}
