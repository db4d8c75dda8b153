package org.tipx.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL 17 server running from tipx's own data directory. Closing it stops the server cleanly (and, for a
 * throw-away test cluster, deletes its directory).
 * <p>
 * A kept cluster writes durably ({@code fsync}, {@code full_page_writes} and {@code synchronous_commit} on); only a
 * throw-away cluster skips the flushes. Every connection needs a password (see {@link ClusterCredentials} and
 * {@link ClusterAccess}).
 */
public final class EmbeddedCluster implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

	/** {@code shared_buffers} when none is configured. */
	public static final String DEFAULT_SHARED_BUFFERS = "512MB";

	private final EmbeddedPostgres postgres;

	private final Path directory;

	private final boolean ephemeral;

	private final ClusterCredentials credentials;

	private EmbeddedCluster(EmbeddedPostgres postgres, Path directory, boolean ephemeral,
			ClusterCredentials credentials) {
		this.postgres = postgres;
		this.directory = directory;
		this.ephemeral = ephemeral;
		this.credentials = credentials;
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
		Path credentialsFile = ClusterCredentials.fileFor(directory);
		if (!fresh && ClusterAccess.hbaInPlace(directory) && !Files.exists(credentialsFile)) {
			throw new IOException("The embedded PostgreSQL in " + directory + " needs the passwords kept in "
					+ credentialsFile + ", which is missing: restore it from the backup of the data directory");
		}
		ClusterCredentials credentials = ClusterCredentials.loadOrCreate(credentialsFile);
		boolean secured = fresh || ClusterAccess.hbaInPlace(directory);
		Path initialPassword = directory.resolveSibling("." + directory.getFileName() + "-initdb-password");
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				// The library starts the server with -F (fsync off): these -c options come after it on the command
				// line and win. A kept cluster flushes every commit to disk and survives a power cut; a throw-away
				// cluster (tests) skips the flushes.
				.setServerConfig("fsync", ephemeral ? "off" : "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
				.setServerConfig("shared_buffers", sharedBuffers)
				// the library's own readiness check connects as the owner
				.setConnectConfig("password", credentials.ownerPassword());
		if (fresh) {
			// initdb takes the owner's password from a file, so the new cluster never trusts anyone
			ClusterCredentials.writeOwnerOnly(initialPassword, credentials.ownerPassword() + "\n");
			builder.setLocaleConfig("pwfile", initialPassword.toString());
		}
		if (secured) {
			builder.setDataDirectoryCustomizer(data -> {
				try {
					ClusterAccess.writeHba(data.toPath());
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		finally {
			Files.deleteIfExists(initialPassword);
		}
		EmbeddedCluster cluster = new EmbeddedCluster(postgres, directory, ephemeral, credentials);
		try {
			cluster.secure(secured);
		}
		catch (SQLException | IOException | RuntimeException e) {
			postgres.close();
			throw new IOException("Could not set up access to the embedded PostgreSQL in " + directory, e);
		}
		cluster.logStart(fresh, sharedBuffers);
		return cluster;
	}

	/** A throw-away cluster in a new temporary directory. */
	public static EmbeddedCluster startThrowaway() throws IOException {
		return startThrowaway(DEFAULT_SHARED_BUFFERS);
	}

	/** A throw-away cluster in a new temporary directory, with {@code shared_buffers} set. */
	public static EmbeddedCluster startThrowaway(String sharedBuffers) throws IOException {
		return start(Files.createTempDirectory("tipx-pg-").resolve("postgres"), true, sharedBuffers);
	}

	private void secure(boolean secured) throws SQLException, IOException {
		try (Connection owner = ownerConnection()) {
			ClusterAccess.grant(owner, credentials);
			if (!secured) {
				// A data directory from a release that trusted every local connection: the passwords are set now,
				// so the trust can go.
				ClusterAccess.writeHba(directory);
				try (Statement sql = owner.createStatement()) {
					sql.execute("SELECT pg_reload_conf()");
				}
				awaitPasswordRequired();
				log.warn("Upgraded the embedded PostgreSQL in {}: it trusted every local connection; now every"
						+ " connection needs a password (kept in {}), and tipx connects as {}", directory,
						ClusterCredentials.fileFor(directory), ClusterCredentials.APP);
			}
		}
	}

	private void awaitPasswordRequired() throws IOException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!ClusterAccess.refusesWithoutPassword(jdbcUrl(), ClusterCredentials.OWNER)) {
			if (System.nanoTime() > deadline) {
				throw new IOException("The embedded PostgreSQL still accepts connections without a password");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while waiting for the new pg_hba.conf", e);
			}
		}
	}

	private void logStart(boolean fresh, String sharedBuffers) throws IOException {
		try (Connection owner = ownerConnection();
				Statement sql = owner.createStatement();
				ResultSet settings = sql.executeQuery("SELECT current_setting('fsync'),"
						+ " current_setting('full_page_writes'), current_setting('synchronous_commit')")) {
			settings.next();
			log.info("Embedded PostgreSQL 17 on port {} with {} data in {} (fsync {}, full_page_writes {},"
					+ " synchronous_commit {}, shared_buffers {}; passwords required, tipx connects as {})",
					postgres.getPort(), fresh ? "new" : "existing", directory, settings.getString(1),
					settings.getString(2), settings.getString(3), sharedBuffers, ClusterCredentials.APP);
		}
		catch (SQLException e) {
			throw new IOException("Could not read the embedded PostgreSQL's settings", e);
		}
	}

	/** The server's JDBC URL, without user or password. */
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
	}

	public ClusterCredentials credentials() {
		return credentials;
	}

	/** A new connection as {@link ClusterCredentials#OWNER}, for migrations, start-up and tests. */
	public Connection ownerConnection() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), ClusterCredentials.OWNER, credentials.ownerPassword());
	}

	/** Unpooled connections as {@link ClusterCredentials#OWNER}: for Flyway, which opens only a few. */
	DataSource ownerDataSource() {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl(), ClusterCredentials.OWNER,
				credentials.ownerPassword());
	}

	private Optional<ProcessHandle> postmaster() {
		try {
			return Files.readAllLines(directory.resolve("postmaster.pid")).stream().findFirst().map(String::strip)
					.map(Long::parseLong).flatMap(ProcessHandle::of);
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	public Path directory() {
		return directory;
	}

	@Override
	public void close() throws IOException {
		Optional<ProcessHandle> postmaster = postmaster();
		postgres.close();
		// the library gives pg_ctl five seconds; a shutdown checkpoint that flushes to disk may need longer
		Optional<ProcessHandle> stopping = postmaster.filter(ProcessHandle::isAlive);
		if (stopping.isPresent()) {
			try {
				stopping.get().onExit().get(2, TimeUnit.MINUTES);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException e) {
				log.warn("Embedded PostgreSQL (pid {}) is still shutting down", stopping.get().pid());
			}
		}
		log.info("Embedded PostgreSQL stopped cleanly");
		if (ephemeral) {
			FileSystemUtils.deleteRecursively(directory);
			Files.deleteIfExists(ClusterCredentials.fileFor(directory));
			try {
				// the temporary directory a throw-away cluster was made in, now empty
				Files.deleteIfExists(directory.getParent());
			}
			catch (DirectoryNotEmptyException e) {
				// not a directory of our own making: leave it
			}
		}
	}
}
