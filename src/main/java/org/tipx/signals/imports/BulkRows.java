package org.tipx.signals.imports;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;

/**
 * Writes reports, their indicators, their own networks and their value sightings with PostgreSQL {@code COPY}, in the
 * caller's transaction: the fast path for bulk imports. Same rows as {@link ReportStore#insert}.
 */
@Component
class BulkRows {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final DataSource dataSource;

	BulkRows(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Writes one batch of reports (each with a network of its own, named by {@link StoredReport#networkId()}). Their
	 * value sightings are gathered by the caller and staged once ({@link #stageSightings}).
	 */
	void write(UUID importId, List<StoredReport> reports, List<StoredIndicator> indicators) {
		if (reports.isEmpty()) {
			return;
		}
		StringBuilder networks = new StringBuilder();
		StringBuilder reportRows = new StringBuilder();
		for (StoredReport r : reports) {
			row(networks, r.networkId(), time(r.createdAt()));
			row(reportRows, r.id(), r.organisationId(), r.createdBy(), r.title(), r.description(), r.reporterCountry(),
					time(r.observedAt()), r.category().name(), r.tlp().name(), r.sharingGroupId(),
					array(r.recipients()), r.confidence(), time(r.createdAt()), r.networkId(), importId);
		}
		StringBuilder indicatorRows = new StringBuilder();
		for (StoredIndicator i : indicators) {
			row(indicatorRows, i.reportId(), i.position(), i.derivedFrom(), i.type().wire(), i.rawValue(), i.platform(),
					i.chain(), i.canonical(), i.valid(), i.reason());
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			copy.copyIn("COPY signals_network (id, created_at) FROM STDIN", new StringReader(networks.toString()));
			copy.copyIn("""
					COPY signals_report (id, organisation_id, created_by, title, description, reporter_country, observed_at,
					  category, tlp, sharing_group_id, recipients, confidence, created_at, network_id, import_id) FROM STDIN""",
					new StringReader(reportRows.toString()));
			copy.copyIn("""
					COPY signals_indicator (report_id, position, derived_from, type, raw_value, platform, chain, canonical,
					  valid, reason) FROM STDIN""", new StringReader(indicatorRows.toString()));
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("bulk write of " + reports.size() + " reports failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Keeps each value's first and last sighting over the whole import (gathered in memory as the batches were
	 * written) in a temporary table of the import's transaction, without indexes, before the correlation lock is
	 * taken. {@code signals_value} is written once, by {@link #recordSightings}, under the lock: upserting it batch by
	 * batch would hold row locks on shared values (a hotline, a common wallet) for the whole import and make single
	 * filings of those values wait for it.
	 */
	void stageSightings(UUID importId, List<Sighting> sightings) {
		if (sightings.isEmpty()) {
			return;
		}
		StringBuilder lines = new StringBuilder(sightings.size() * 96);
		for (Sighting s : sightings) {
			row(lines, s.value().type().wire(), s.value().canonical(), time(s.first()), time(s.last()));
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + sightingTable(importId)
					+ " (type TEXT NOT NULL, canonical TEXT NOT NULL, first_seen TIMESTAMPTZ NOT NULL,"
					+ " last_seen TIMESTAMPTZ NOT NULL) ON COMMIT DROP");
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + sightingTable(importId)
					+ " (type, canonical, first_seen, last_seen) FROM STDIN", new StringReader(lines.toString()));
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("staging the value sightings failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** A value's first and last sighting in one import. */
	record Sighting(ValueKey value, Instant first, Instant last) {
	}

	/**
	 * Records each value's first and last sighting over the whole import, in one statement; the caller holds the
	 * correlation lock (single filings upsert the same rows under it).
	 */
	void recordSightings(UUID importId) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement.executeQuery("SELECT to_regclass('pg_temp." + sightingTable(importId)
					+ "') IS NOT NULL")) {
				if (!exists.next() || !exists.getBoolean(1)) {
					return;
				}
			}
			statement.executeUpdate("""
					INSERT INTO signals_value (type, canonical, first_seen, last_seen)
					SELECT type, canonical, min(first_seen), max(last_seen) FROM %s GROUP BY type, canonical
					ON CONFLICT (type, canonical) DO UPDATE
					  SET first_seen = least(signals_value.first_seen, excluded.first_seen),
					      last_seen = greatest(signals_value.last_seen, excluded.last_seen)"""
					.formatted(sightingTable(importId)));
			statement.execute("DROP TABLE " + sightingTable(importId));
		}
		catch (SQLException e) {
			throw new IllegalStateException("recording the value sightings failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static String sightingTable(UUID importId) {
		return "signals_sighting_" + importId.toString().replace("-", "");
	}

	private static String time(Instant instant) {
		return instant == null ? null : TIME.format(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	private static String array(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
	}

	/** Appends one line in COPY text format: tab-separated, {@code \N} for null, special characters escaped. */
	private static void row(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			Object value = values[i];
			if (value == null) {
				out.append("\\N");
				continue;
			}
			String text = value.toString();
			for (int c = 0; c < text.length(); c++) {
				char ch = text.charAt(c);
				switch (ch) {
					case '\\' -> out.append("\\\\");
					case '\t' -> out.append("\\t");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					default -> out.append(ch);
				}
			}
		}
		out.append('\n');
	}
}
