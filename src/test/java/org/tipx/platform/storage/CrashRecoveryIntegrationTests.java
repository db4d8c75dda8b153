package org.tipx.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code kill -9} of tipx, its PostgreSQL server keeps running and holds the data directory, and backends busy
 * with a long query keep running too. The next start must stop them all and come up on the same data.
 */
class CrashRecoveryIntegrationTests {

	@TempDir
	Path data;

	@Test
	void aStartAfterKillDashNineDuringLongQueriesStopsTheWholeOrphanedClusterAndKeepsTheData() throws Exception {
		Path pgData = data.resolve("postgres");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), CrashingCluster.class.getName(), pgData.toString())
				.redirectErrorStream(true).start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
			String line;
			while ((line = out.readLine()) != null && !line.equals("READY")) {
				// wait for the child's cluster to be up and its long queries to run
			}
		}
		child.destroyForcibly().waitFor();
		Set<ProcessHandle> orphans = OrphanedPostmaster.processesWorkingIn(pgData);
		assertThat(orphans).as("the postmaster and its busy backends outlive their killed JVM").hasSizeGreaterThan(2);

		long started = System.nanoTime();
		try (EmbeddedCluster cluster = EmbeddedCluster.start(pgData, false)) {
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no waiting for the long queries")
					.isLessThan(Duration.ofSeconds(30));
			assertThat(orphans).noneMatch(ProcessHandle::isAlive);
			try (var connection = cluster.ownerConnection();
					var rows = connection.createStatement().executeQuery("SELECT note FROM survivor")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("written before the crash");
			}
		}
		assertThat(Files.exists(pgData.resolve("postmaster.pid"))).as("a clean stop removes the lock").isFalse();
	}

	@Test
	void aStaleLockFileFromADeadServerIsRemoved() throws Exception {
		Path pgData = data.resolve("postgres");
		try (EmbeddedCluster cluster = EmbeddedCluster.start(pgData, false)) {
			assertThat(cluster.jdbcUrl()).startsWith("jdbc:postgresql://");
		}
		// A pid that cannot be running: the server died and left its lock file behind.
		Files.write(pgData.resolve("postmaster.pid"), List.of("999999999", pgData.toString(), "0", "5432"));
		assertThat(OrphanedPostmaster.recover(pgData, Duration.ofSeconds(5)))
				.isEqualTo(OrphanedPostmaster.Recovery.STALE_LOCK_REMOVED);
		try (EmbeddedCluster cluster = EmbeddedCluster.start(pgData, false);
				var connection = cluster.ownerConnection()) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

	@Test
	void keptDataIsWrittenDurablyAndOnlyAThrowAwayClusterSkipsTheFlushes() throws Exception {
		try (EmbeddedCluster kept = EmbeddedCluster.start(data.resolve("postgres"), false);
				EmbeddedCluster throwaway = EmbeddedCluster.startThrowaway()) {
			assertThat(setting(kept, "fsync")).isEqualTo("on");
			assertThat(setting(kept, "full_page_writes")).isEqualTo("on");
			assertThat(setting(kept, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(throwaway, "fsync")).isEqualTo("off");
			assertThat(setting(throwaway, "synchronous_commit")).isEqualTo("off");
		}
	}

	private static String setting(EmbeddedCluster cluster, String name) throws Exception {
		try (var connection = cluster.ownerConnection();
				var statement = connection.prepareStatement("SELECT setting FROM pg_settings WHERE name = ?")) {
			statement.setString(1, name);
			try (var rows = statement.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
	}
}
