package org.tipx.signals.stix;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipx.signals.internal.ReportStore;

/**
 * Which STIX object versions (id + modified) an organisation has already imported, and into which report: the
 * memory that makes importing the same bundle twice file nothing new.
 */
@Component
class ImportedObjects {

	/** Observables have no {@code modified}; their id already names their content. */
	static final String UNVERSIONED = "-";

	private final JdbcClient jdbc;

	ImportedObjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean known(UUID organisationId, String stixId, String modified) {
		return jdbc.sql("SELECT count(*) FROM signals_stix_imported WHERE organisation_id = ? AND stix_id = ?"
				+ " AND modified = ?").params(organisationId, stixId, modified).query(Long.class).single() > 0;
	}

	void remember(UUID organisationId, String stixId, String modified, UUID reportId, Instant at) {
		jdbc.sql("INSERT INTO signals_stix_imported (organisation_id, stix_id, modified, report_id, imported_at)"
				+ " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
				.params(organisationId, stixId, modified, reportId, ReportStore.utc(at)).update();
	}
}
