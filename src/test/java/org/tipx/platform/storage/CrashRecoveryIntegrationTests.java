package org.tipx.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code kill -9} of tipx, its PostgreSQL server keeps running and holds the data directory. The next start
 * must find it, stop it, and come up on the same data.
 */
class CrashRecoveryIntegrationTests {

	@TempDir
	Path data;

	@Test
	void aStartAfterKillDashNineRecoversTheOrphanedServerAndKeepsTheData() throws Exception {
		Path pgData = data.resolve("postgres");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), CrashingCluster.class.getName(), pgData.toString())
				.redirectErrorStream(true).start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
			String line;
			while ((line = out.readLine()) != null && !line.equals("READY")) {
				// wait for the child's cluster to be up
			}
		}
		child.destroyForcibly().waitFor();
		Optional<ProcessHandle> orphan = postmaster(pgData);
		assertThat(orphan).as("the postmaster outlives its killed JVM").isPresent();

		try (EmbeddedCluster cluster = EmbeddedCluster.start(pgData, false)) {
			assertThat(orphan.get().isAlive()).isFalse();
			try (var connection = DriverManager.getConnection(cluster.jdbcUrl());
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
		assertThat(OrphanedPostmaster.recover(pgData, java.time.Duration.ofSeconds(5)))
				.isEqualTo(OrphanedPostmaster.Recovery.STALE_LOCK_REMOVED);
		try (EmbeddedCluster cluster = EmbeddedCluster.start(pgData, false);
				var connection = DriverManager.getConnection(cluster.jdbcUrl())) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

	@Test
	void keptDataIsCommittedDurablyAndOnlyAThrowAwayClusterSkipsTheFlush() throws Exception {
		try (EmbeddedCluster kept = EmbeddedCluster.start(data.resolve("postgres"), false);
				EmbeddedCluster throwaway = EmbeddedCluster.startThrowaway()) {
			assertThat(setting(kept, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(throwaway, "synchronous_commit")).isEqualTo("off");
		}
	}

	private static String setting(EmbeddedCluster cluster, String name) throws Exception {
		try (var connection = DriverManager.getConnection(cluster.jdbcUrl());
				var rows = connection.createStatement().executeQuery("SHOW " + name)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static Optional<ProcessHandle> postmaster(Path pgData) throws Exception {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
	}
}
