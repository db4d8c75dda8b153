package org.tipx.signals.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answered lookup is never unaudited after a crash (ADR 0023): tipx runs in a child JVM on a kept embedded cluster
 * while four clients look values up; the JVM and then every PostgreSQL process of the cluster are killed with
 * SIGKILL; tipx starts again on the same data; every answer a client received has its audit entry, and the chain
 * verifies.
 */
class AuditedLookupsSurviveKillIntegrationTests {

	private static final int ANSWERS_BEFORE_KILL = 400;

	@TempDir
	Path data;

	@Test
	void everyAnswerTheClientsReceivedBeforeKillDashNineIsInTheAuditChainAfterRestart() throws Exception {
		Set<String> answered = new HashSet<>();
		List<String> output = new ArrayList<>();
		Process tipx = child("lookup");
		try (BufferedReader out = new BufferedReader(new InputStreamReader(tipx.getInputStream()))) {
			String line;
			while (answered.size() < ANSWERS_BEFORE_KILL && (line = out.readLine()) != null) {
				keep(output, line);
				if (line.startsWith("ANSWERED ")) {
					answered.add(line.substring("ANSWERED ".length()));
				}
			}
			assertThat(answered).as("the clients were answered before the kill:\n" + String.join("\n", output))
					.hasSizeGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);
			List<ProcessHandle> postgres = postgresWorkingIn(data.resolve("postgres"));
			// SIGKILL through the process handle: Process.destroyForcibly would also close the pipe, losing answers
			// already written to it
			tipx.toHandle().destroyForcibly();
			tipx.waitFor();
			// the cluster goes down as hard as its JVM: committed entries must come back from the WAL
			postgres.forEach(ProcessHandle::destroyForcibly);
			// answers already written to the pipe when the JVM died were received too
			while ((line = out.readLine()) != null) {
				if (line.startsWith("ANSWERED ")) {
					answered.add(line.substring("ANSWERED ".length()));
				}
			}
		}
		assertThat(answered).as("the clients were answered before the kill:\n" + String.join("\n", output))
				.hasSizeGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);

		Set<String> audited = new HashSet<>();
		String verified = null;
		output.clear();
		Process restarted = child("verify");
		try (BufferedReader out = new BufferedReader(new InputStreamReader(restarted.getInputStream()))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("AUDITED ")) {
					audited.add(line.substring("AUDITED ".length()));
				}
				else {
					keep(output, line);
					if (line.startsWith("VERIFIED ")) {
						verified = line;
					}
				}
			}
		}
		assertThat(restarted.waitFor()).as(String.join("\n", output)).isZero();
		assertThat(verified).as("the chain verifies after the crash").startsWith("VERIFIED valid=true");
		assertThat(audited).as("every answer received has its audit entry").containsAll(answered);
	}

	private static void keep(List<String> output, String line) {
		if (output.size() > 60) {
			output.remove(0);
		}
		output.add(line);
	}

	private Process child(String mode) throws IOException {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-cp",
				System.getProperty("java.class.path"), LookupsUntilKilled.class.getName(), mode, data.toString())
				.redirectErrorStream(true).start();
	}

	/** The postmaster and its backends: every PostgreSQL process whose working directory is the cluster's. */
	private static List<ProcessHandle> postgresWorkingIn(Path pgData) throws IOException {
		Path real = pgData.toRealPath();
		try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
			return all.filter(p -> real.equals(workingDirectory(p)))
					.filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
							.orElse(false))
					.toList();
		}
	}

	private static Path workingDirectory(ProcessHandle process) {
		try {
			return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
		}
		catch (IOException | UnsupportedOperationException | SecurityException e) {
			return null;
		}
	}
}
