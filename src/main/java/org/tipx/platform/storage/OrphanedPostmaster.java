package org.tipx.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a crashed previous run left in a PostgreSQL data directory: a postmaster still running without its
 * JVM (after {@code kill -9}) or a stale {@code postmaster.pid}. Without this the next start fails with "lock file
 * already exists".
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private OrphanedPostmaster() {
	}

	/** Stops a leftover postmaster or removes its stale lock file; returns what was done, for the log and tests. */
	static Recovery recover(Path pgData, Duration patience) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Recovery.CLEAN;
		}
		Optional<Long> pid = readPid(pidFile);
		Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
				.filter(OrphanedPostmaster::isPostgres);
		if (process.isEmpty()) {
			Files.deleteIfExists(pidFile);
			log.warn("Removed stale lock file {} (pid {} is not running): the previous run did not shut down cleanly",
					pidFile, pid.map(String::valueOf).orElse("unreadable"));
			return Recovery.STALE_LOCK_REMOVED;
		}
		ProcessHandle postmaster = process.get();
		log.warn("Found an orphaned PostgreSQL server (pid {}) from a previous run holding {}; stopping it",
				postmaster.pid(), pgData);
		postmaster.destroy();
		if (!waitForExit(postmaster, patience)) {
			log.warn("PostgreSQL pid {} did not stop within {}; killing it (crash recovery will run on start)",
					postmaster.pid(), patience);
			postmaster.destroyForcibly();
			waitForExit(postmaster, patience);
		}
		Files.deleteIfExists(pidFile);
		log.warn("Stopped orphaned PostgreSQL pid {}; starting afresh on the same data", postmaster.pid());
		return Recovery.ORPHAN_STOPPED;
	}

	private static Optional<Long> readPid(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		// A recycled pid may now belong to something else: only stop a process that is a PostgreSQL server.
		return process.info().command().map(command -> command.contains("postgres")).orElse(true);
	}

	private static boolean waitForExit(ProcessHandle process, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (process.isAlive() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return !process.isAlive();
	}

	enum Recovery {
		CLEAN, STALE_LOCK_REMOVED, ORPHAN_STOPPED
	}
}
