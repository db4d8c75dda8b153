package org.tipx.platform.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Run in a child JVM by the crash-recovery test: starts a kept cluster, writes a row, sets two long queries running
 * (one asleep in {@code pg_sleep}, one busy in a loop that never notices its postmaster die), says READY, and waits
 * to be killed with SIGKILL, leaving its postmaster and both busy backends orphaned.
 */
public final class CrashingCluster {

	/** How long the busy queries would run if nobody stopped them: bounds the damage if recovery fails. */
	static final String LONG_QUERY_LIMIT = "150s";

	private CrashingCluster() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedCluster cluster = EmbeddedCluster.start(Path.of(args[0]), false);
		try (var connection = cluster.ownerConnection(); var statement = connection.createStatement()) {
			statement.execute("CREATE TABLE survivor (note text)");
			statement.execute("INSERT INTO survivor VALUES ('written before the crash')");
		}
		runInBackground(cluster.ownerConnection(), "SELECT pg_sleep(600)");
		runInBackground(cluster.ownerConnection(), "DO $$ BEGIN LOOP END LOOP; END $$");
		try (var connection = cluster.ownerConnection(); var statement = connection.createStatement()) {
			int running = 0;
			while (running < 2) {
				Thread.sleep(50);
				try (var rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
						+ " AND (query LIKE 'SELECT pg_sleep%' OR query LIKE 'DO $$%')")) {
					rows.next();
					running = rows.getInt(1);
				}
			}
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

	private static void runInBackground(Connection connection, String query) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute("SET statement_timeout = '" + LONG_QUERY_LIMIT + "'");
		}
		Thread thread = new Thread(() -> {
			try (connection; var statement = connection.createStatement()) {
				statement.execute(query);
			}
			catch (SQLException e) {
				// ends with the JVM
			}
		});
		thread.setDaemon(true);
		thread.start();
	}
}
