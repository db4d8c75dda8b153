package org.tipx.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a crashed previous run left in a PostgreSQL data directory: a postmaster still running without its
 * JVM (after {@code kill -9}), its backends (which may still be running a long query, and hold the shared memory
 * until they end), or a stale {@code postmaster.pid}. Without this the next start fails with "lock file already
 * exists" or "pre-existing shared memory block is still in use".
 * <p>
 * The orphaned server is asked for a fast shutdown (SIGINT: running queries are cancelled, sessions ended, a
 * checkpoint written); if it has not stopped within the patience given, it and every process still working in the
 * data directory are killed, and crash recovery runs on the next start. Start-up goes on only once all of them are
 * gone and the shared memory is released.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private OrphanedPostmaster() {
	}

	/** Stops a leftover cluster or removes its stale lock file; returns what was done, for the log and tests. */
	static Recovery recover(Path pgData, Duration patience) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		Set<ProcessHandle> leftovers = processesWorkingIn(pgData);
		if (!Files.exists(pidFile) && leftovers.isEmpty()) {
			return Recovery.CLEAN;
		}
		List<String> lock = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
		Optional<Long> pid = firstNumber(lock, 0);
		Optional<ProcessHandle> postmaster = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
				.filter(OrphanedPostmaster::isPostgres);
		postmaster.ifPresent(p -> leftovers.addAll(p.descendants().toList()));
		if (postmaster.isEmpty() && leftovers.isEmpty()) {
			Files.deleteIfExists(pidFile);
			log.warn("Removed stale lock file {} (pid {} is not running): the previous run did not shut down cleanly",
					pidFile, pid.map(String::valueOf).orElse("unreadable"));
			return Recovery.STALE_LOCK_REMOVED;
		}
		if (postmaster.isPresent()) {
			log.warn("Found an orphaned PostgreSQL server (pid {}, {} processes of its own) from a previous run"
					+ " holding {}; asking it for a fast shutdown", postmaster.get().pid(), leftovers.size(), pgData);
			fastShutdown(postmaster.get());
			waitForExit(all(postmaster, leftovers), patience);
		}
		List<ProcessHandle> remaining = alive(all(postmaster, leftovers, processesWorkingIn(pgData)));
		if (!remaining.isEmpty()) {
			log.warn("PostgreSQL processes {} from a previous run are still running; killing them (crash recovery"
					+ " will run on start)", pids(remaining));
			// the postmaster first, so that it starts no new backend while the others are killed
			postmaster.ifPresent(ProcessHandle::destroyForcibly);
			remaining = alive(all(Optional.empty(), remaining, processesWorkingIn(pgData)));
			remaining.forEach(ProcessHandle::destroyForcibly);
			if (!waitForExit(all(postmaster, remaining), patience)) {
				throw new IOException("PostgreSQL processes " + pids(alive(remaining)) + " holding " + pgData
						+ " could not be stopped; stop them by hand and start tipx again");
			}
		}
		firstNumber(lock, 6, 1).ifPresent(shmid -> awaitSharedMemoryReleased(shmid, patience));
		Files.deleteIfExists(pidFile);
		log.warn("Stopped the PostgreSQL server left by a previous run (pid {}) and its processes; starting afresh on"
				+ " the same data", pid.map(String::valueOf).orElse("unknown"));
		return postmaster.isPresent() ? Recovery.ORPHAN_STOPPED : Recovery.STALE_LOCK_REMOVED;
	}

	/**
	 * Every PostgreSQL process whose working directory is {@code pgData}: the postmaster and all its backends change
	 * into the data directory, and keep it after the postmaster died. Empty where {@code /proc} cannot tell.
	 */
	static Set<ProcessHandle> processesWorkingIn(Path pgData) {
		Set<ProcessHandle> found = new LinkedHashSet<>();
		Path real;
		try {
			real = pgData.toRealPath();
		}
		catch (IOException e) {
			return found;
		}
		long self = ProcessHandle.current().pid();
		try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
			all.filter(p -> p.pid() != self).filter(p -> real.equals(workingDirectory(p)))
					.filter(OrphanedPostmaster::isPostgres).forEach(found::add);
		}
		return found;
	}

	private static Path workingDirectory(ProcessHandle process) {
		try {
			return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
		}
		catch (IOException | UnsupportedOperationException | SecurityException e) {
			return null;
		}
	}

	private static void fastShutdown(ProcessHandle postmaster) {
		// Java can only send SIGTERM, which is PostgreSQL's "smart" shutdown: it waits for every session to end, and
		// a backend busy with a long query never notices that its client was killed. SIGINT cancels them.
		try {
			Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
					.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			if (kill.waitFor() == 0) {
				return;
			}
		}
		catch (IOException e) {
			log.debug("Could not run kill -INT", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		postmaster.destroy();
	}

	/** Waits until the System V shared memory segment {@code shmid} has no process attached (or is gone). */
	private static void awaitSharedMemoryReleased(long shmid, Duration patience) {
		Path segments = Path.of("/proc/sysvipc/shm");
		if (!Files.isReadable(segments)) {
			return;
		}
		long deadline = System.nanoTime() + patience.toNanos();
		while (attached(segments, shmid) > 0) {
			if (System.nanoTime() > deadline) {
				log.warn("Shared memory segment {} of the previous run is still in use", shmid);
				return;
			}
			pause();
		}
	}

	private static long attached(Path segments, long shmid) {
		try (Stream<String> lines = Files.lines(segments)) {
			// columns: key shmid perms size cpid lpid nattch ...
			return lines.skip(1).map(String::strip).map(line -> line.split("\\s+"))
					.filter(columns -> columns.length > 6 && columns[1].equals(Long.toString(shmid)))
					.mapToLong(columns -> Long.parseLong(columns[6])).findFirst().orElse(0);
		}
		catch (IOException | NumberFormatException e) {
			return 0;
		}
	}

	private static Optional<Long> firstNumber(List<String> lines, int line) {
		return firstNumber(lines, line, 0);
	}

	/** The {@code column}th number on {@code line} of postmaster.pid (line 7 holds the shared memory key and id). */
	private static Optional<Long> firstNumber(List<String> lines, int line, int column) {
		if (lines.size() <= line) {
			return Optional.empty();
		}
		String[] columns = lines.get(line).strip().split("\\s+");
		try {
			return columns.length > column ? Optional.of(Long.parseLong(columns[column])) : Optional.empty();
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		// A recycled pid may now belong to something else, and someone's psql may sit in the data directory: only
		// stop the server's own executable (postmaster and backends alike).
		return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
				.map(name -> name.equals("postgres") || name.equals("postgres.exe")).orElse(true);
	}

	@SafeVarargs
	private static List<ProcessHandle> all(Optional<ProcessHandle> postmaster,
			Collection<ProcessHandle>... others) {
		Set<ProcessHandle> all = new LinkedHashSet<>();
		postmaster.ifPresent(all::add);
		for (Collection<ProcessHandle> some : others) {
			all.addAll(some);
		}
		return new ArrayList<>(all);
	}

	private static List<ProcessHandle> alive(List<ProcessHandle> processes) {
		return processes.stream().filter(ProcessHandle::isAlive).toList();
	}

	private static String pids(List<ProcessHandle> processes) {
		return processes.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(", ", "[", "]"));
	}

	private static boolean waitForExit(List<ProcessHandle> processes, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (!alive(processes).isEmpty() && System.nanoTime() < deadline) {
			if (!pause()) {
				return false;
			}
		}
		return alive(processes).isEmpty();
	}

	private static boolean pause() {
		try {
			Thread.sleep(100);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	enum Recovery {
		CLEAN, STALE_LOCK_REMOVED, ORPHAN_STOPPED
	}
}
