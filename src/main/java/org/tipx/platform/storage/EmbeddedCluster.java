package org.tipx.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL 17 server running from tipx's own data directory. Closing it stops the server cleanly (and, for a
 * throw-away test cluster, deletes its directory).
 */
public final class EmbeddedCluster implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

	/** {@code shared_buffers} when none is configured. */
	public static final String DEFAULT_SHARED_BUFFERS = "512MB";

	private final EmbeddedPostgres postgres;

	private final Path directory;

	private final boolean ephemeral;

	private EmbeddedCluster(EmbeddedPostgres postgres, Path directory, boolean ephemeral) {
		this.postgres = postgres;
		this.directory = directory;
		this.ephemeral = ephemeral;
	}

	/** Starts a server on {@code directory}, first recovering from a crashed previous run if needed. */
	public static EmbeddedCluster start(Path directory, boolean ephemeral) throws IOException {
		return start(directory, ephemeral, DEFAULT_SHARED_BUFFERS);
	}

	/**
	 * Starts a server on {@code directory} with {@code shared_buffers} set (PostgreSQL's own default, 128 MB, is small
	 * for an exchange of millions of indicators; the operating system's cache holds the rest either way).
	 */
	public static EmbeddedCluster start(Path directory, boolean ephemeral, String sharedBuffers) throws IOException {
		Files.createDirectories(directory);
		OrphanedPostmaster.recover(directory, Duration.ofSeconds(30));
		boolean fresh = !Files.exists(directory.resolve("PG_VERSION"));
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				// the library's default is off, which can lose the last commits on a power cut: kept data is durable;
				// a throw-away cluster (tests) keeps it off
				.setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
				.setServerConfig("shared_buffers", sharedBuffers)
				.start();
		log.info("Embedded PostgreSQL 17 on port {} with {} data in {} (synchronous_commit {}, shared_buffers {})",
				postgres.getPort(), fresh ? "new" : "existing", directory, ephemeral ? "off" : "on", sharedBuffers);
		return new EmbeddedCluster(postgres, directory, ephemeral);
	}

	/** A throw-away cluster in a new temporary directory. */
	public static EmbeddedCluster startThrowaway() throws IOException {
		return startThrowaway(DEFAULT_SHARED_BUFFERS);
	}

	/** A throw-away cluster in a new temporary directory, with {@code shared_buffers} set. */
	public static EmbeddedCluster startThrowaway(String sharedBuffers) throws IOException {
		return start(Files.createTempDirectory("tipx-pg-"), true, sharedBuffers);
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	public Path directory() {
		return directory;
	}

	@Override
	public void close() throws IOException {
		postgres.close();
		log.info("Embedded PostgreSQL stopped cleanly");
		if (ephemeral) {
			FileSystemUtils.deleteRecursively(directory);
		}
	}
}
