package org.tipx.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.TipxIntegrationTest;

/**
 * A database from before the inbox keeps its alerts and notices: migrated from V16 to V19 in a schema of its own,
 * its alert (with triage and evidence) and its acknowledged notice come out as inbox items, and the old names still
 * read them.
 */
@TipxIntegrationTest
class InboxMigrationIntegrationTests {

	static final String SCHEMA = "tipx_before_inbox";

	/** The owner of the schema, as migrations run; tipx's own role may neither create schemas nor skip triggers. */
	DataSource dataSource;

	JdbcClient jdbc;

	@Autowired
	void asTheSchemaOwner(@FlywayDataSource DataSource owner) {
		dataSource = owner;
		jdbc = JdbcClient.create(owner);
	}

	@AfterEach
	void drop() {
		jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
	}

	@Test
	void alertsAndNoticesOfAnExistingDatabaseBecomeInboxItems() throws Exception {
		migrate("16");
		UUID alert = UUID.randomUUID();
		UUID organisation = UUID.randomUUID();
		UUID report = UUID.randomUUID();
		UUID notice = UUID.randomUUID();
		UUID screening = UUID.randomUUID();
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			// the rows they refer to (reports, screenings) are beside the point here
			sql.execute("SET session_replication_role = replica");
			sql.execute("SET search_path = " + SCHEMA);
			sql.execute("INSERT INTO signals_alert VALUES ('" + alert + "', '" + organisation + "', '" + report
					+ "', '" + UUID.randomUUID() + "', ARRAY['" + UUID.randomUUID() + "']::uuid[], ARRAY['TH','VN'],"
					+ " 'ACKNOWLEDGED', 'called the focal point', now() - interval '1 day', now(), NULL)");
			sql.execute("INSERT INTO signals_alert_value VALUES ('" + alert + "', 'crypto_address', '0xabc')");
			sql.execute("INSERT INTO signals_webhook_failure VALUES ('" + UUID.randomUUID() + "', '" + organisation
					+ "', '" + alert + "', 1, 'HTTP 500', now())");
			sql.execute("INSERT INTO screening_notice VALUES ('" + notice + "', '" + screening + "', '"
					+ UUID.randomUUID() + "', '" + organisation + "', 'ID', 'officer.kl', now(), 'focal.jakarta', now())");
			sql.execute("SET session_replication_role = DEFAULT");
			sql.execute("SET search_path = public");
		}
		migrate("19");

		Map<String, Object> migratedAlert = jdbc.sql("SELECT kind, organisation_id, item_key, state, note,"
				+ " payload ->> 'reportId' AS report, payload -> 'values' -> 0 ->> 'canonical' AS value,"
				+ " jsonb_array_length(payload -> 'countries') AS countries FROM " + SCHEMA
				+ ".sharing_inbox_item WHERE id = ?").param(alert).query().singleRow();
		assertThat(migratedAlert).containsEntry("kind", "signals.alert").containsEntry("organisation_id", organisation)
				.containsEntry("item_key", report.toString()).containsEntry("state", "ACKNOWLEDGED")
				.containsEntry("note", "called the focal point").containsEntry("report", report.toString())
				.containsEntry("value", "0xabc").containsEntry("countries", 2);
		assertThat(jdbc.sql("SELECT delivery_id FROM " + SCHEMA + ".signals_webhook_failure").query(UUID.class).single())
				.isEqualTo(alert);

		Map<String, Object> migratedNotice = jdbc.sql("SELECT kind, state, acknowledged_by, payload ->> 'sentBy' AS sent_by"
				+ " FROM " + SCHEMA + ".sharing_inbox_item WHERE id = ?").param(notice).query().singleRow();
		assertThat(migratedNotice).containsEntry("kind", "screening.notice").containsEntry("state", "ACKNOWLEDGED")
				.containsEntry("acknowledged_by", "focal.jakarta").containsEntry("sent_by", "officer.kl");
		assertThat(jdbc.sql("SELECT screening_id FROM " + SCHEMA + ".screening_notice WHERE id = ?").param(notice)
				.query(UUID.class).single()).as("the old name still reads").isEqualTo(screening);
		assertThat(jdbc.sql("SELECT report_id FROM " + SCHEMA + ".signals_alert WHERE id = ?").param(alert)
				.query(UUID.class).single()).isEqualTo(report);
	}

	private void migrate(String target) {
		Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration").target(target)
				.load().migrate();
	}
}
