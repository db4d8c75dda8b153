package org.tipx.platform.storage;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Run in a child JVM by the crash-recovery test: starts a cluster, writes a row, says READY, and waits to be killed
 * with SIGKILL, leaving its postmaster orphaned.
 */
public final class CrashingCluster {

	private CrashingCluster() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedCluster cluster = EmbeddedCluster.start(Path.of(args[0]), false);
		try (var connection = DriverManager.getConnection(cluster.jdbcUrl());
				var statement = connection.createStatement()) {
			statement.execute("CREATE TABLE survivor (note text)");
			statement.execute("INSERT INTO survivor VALUES ('written before the crash')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}
}
