package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * Two officers deciding on the same screening at the same moment take turns: a void and a second void, or a void and
 * an override, never both apply to the screening as it was; the second sees the first's decision. The test holds the
 * screening's row while both requests arrive, so that they really are in flight together.
 */
@TipxIntegrationTest
class ConcurrentDecisionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	String officer;

	String colleague;

	@BeforeEach
	void twoOfficers() {
		fixtures = new Fixtures(new Api(port));
		String organisation = fixtures.organisation("CONSULATE", "TH");
		officer = fixtures.tokenFor(fixtures.account(organisation, "SCREENER"));
		colleague = fixtures.tokenFor(fixtures.account(organisation, "SCREENER"));
	}

	@Test
	void twoVoidsAtOnceVoidTheScreeningOnceAndTheSecondIsRefused() throws Exception {
		String id = screening();

		List<Reply> replies = together(id,
				() -> fixtures.api.post(officer, "/api/v1/screenings/" + id + "/void",
						Map.of("reason", "Duplicate of the screening done this morning")),
				() -> fixtures.api.post(colleague, "/api/v1/screenings/" + id + "/void",
						Map.of("reason", "Entered twice by mistake at the desk")));

		assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
		assertThat(audited(id, "screening.void")).isEqualTo(1);
	}

	@Test
	void aVoidAndAnOverrideAtOnceNeverOverrideAVoidedScreening() throws Exception {
		String id = screening();

		List<Reply> replies = together(id,
				() -> fixtures.api.post(officer, "/api/v1/screenings/" + id + "/void",
						Map.of("reason", "Duplicate of the screening done this morning")),
				() -> fixtures.api.post(colleague, "/api/v1/screenings/" + id + "/override",
						Map.of("outcome", "POSSIBLE_VICTIM", "reason", "Account inconsistent; specialist to assess")));

		Reply voided = replies.get(0);
		Reply overridden = replies.get(1);
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		if (overridden.status() == 200) {
			// the override came first: the void then applied to the overridden screening, which stays voided
			assertThat(voided.json().get("decision").get("state").asString()).isEqualTo("OVERRIDDEN");
		}
		else {
			assertThat(overridden.status()).as(overridden.body()).isEqualTo(409);
			assertThat(audited(id, "screening.override")).isZero();
		}
		var now = fixtures.api.get(officer, "/api/v1/screenings/" + id).json().get("decision");
		assertThat(now.get("voided").asBoolean()).isTrue();
	}

	/**
	 * Sends both requests while the test holds the screening's row, waits until both are waiting for it, then lets
	 * them go; returns their replies in the order given.
	 */
	@SafeVarargs
	private List<Reply> together(String id, Supplier<Reply>... requests) throws Exception {
		List<CompletableFuture<Reply>> sent = new ArrayList<>();
		try (Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM screening WHERE id = ? FOR UPDATE")) {
				lock.setObject(1, UUID.fromString(id));
				lock.executeQuery().close();
			}
			int waitingBefore = waitingForRowLocks();
			for (Supplier<Reply> request : requests) {
				sent.add(CompletableFuture.supplyAsync(request));
			}
			await().atMost(Duration.ofSeconds(20))
					.until(() -> waitingForRowLocks() >= waitingBefore + requests.length);
			holder.rollback();
		}
		List<Reply> replies = new ArrayList<>();
		for (CompletableFuture<Reply> reply : sent) {
			replies.add(reply.get());
		}
		return replies;
	}

	/** Sessions of this database waiting for a lock on a screening row. */
	private int waitingForRowLocks() {
		return jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
				AND query ILIKE '%screening%'""").query(Integer.class).single();
	}

	private String screening() {
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", "ID", "age_band", "25_34", "A3", "yes",
				"C1", "yes", "E1", "yes", "I3", "yes"));
		Reply reply = fixtures.api.post(officer, "/api/v1/screenings", Map.of("formId", "tipx-screening", "language",
				"en", "answers", answers, "consent", Map.of("assistance", true, "referral", true,
						"shareWithCountryOfNationality", false, "research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	private int audited(String id, String action) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = ? AND action = ?").params(id, action)
				.query(Integer.class).single();
	}
}
