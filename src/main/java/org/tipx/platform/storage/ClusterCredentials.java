package org.tipx.platform.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded cluster's two roles: {@link #OWNER} (superuser, owns the tables, runs the migrations)
 * and {@link #APP} (what tipx serves requests with: reads and writes rows, nothing more). Generated with
 * {@link SecureRandom} on first start and kept in a file beside the data directory that only its owner may read or
 * write ({@code rw-------}). Without the file the cluster cannot be opened.
 *
 * @param ownerPassword the password of {@link #OWNER}
 * @param appPassword   the password of {@link #APP}
 */
public record ClusterCredentials(String ownerPassword, String appPassword) {

	private static final Logger log = LoggerFactory.getLogger(ClusterCredentials.class);

	/** The superuser that owns the schema; migrations run as this role. */
	public static final String OWNER = "postgres";

	/** The role tipx serves requests with: no superuser, owns nothing, may only read and write rows. */
	public static final String APP = "tipx_app";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	public ClusterCredentials {
		requireSafe(ownerPassword, "ownerPassword");
		requireSafe(appPassword, "appPassword");
	}

	/** Where the credentials of the cluster in {@code pgData} are kept: {@code <pgData>-credentials} beside it. */
	public static Path fileFor(Path pgData) {
		return pgData.resolveSibling(pgData.getFileName() + "-credentials");
	}

	/** Reads the credentials from {@code file}, or generates and writes new ones if it does not exist. */
	static ClusterCredentials loadOrCreate(Path file) throws IOException {
		if (Files.exists(file)) {
			restrictToOwner(file);
			Properties properties = new Properties();
			try (Reader reader = new StringReader(Files.readString(file, StandardCharsets.US_ASCII))) {
				properties.load(reader);
			}
			return new ClusterCredentials(properties.getProperty("owner"), properties.getProperty("app"));
		}
		ClusterCredentials created = new ClusterCredentials(generate(), generate());
		writeOwnerOnly(file, """
				# Passwords of tipx's embedded PostgreSQL (role %s owns the schema, role %s serves requests).
				# Keep this file with the data: without it the database cannot be opened.
				owner=%s
				app=%s
				""".formatted(OWNER, APP, created.ownerPassword, created.appPassword));
		log.info("Generated the embedded PostgreSQL's passwords in {} (readable by its owner only)", file);
		return created;
	}

	/** Writes {@code content} to {@code file} so that at no moment anyone but its owner may read it. */
	static void writeOwnerOnly(Path file, String content) throws IOException {
		Path temp = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temp);
		if (posix(file)) {
			Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		Files.writeString(temp, content, StandardCharsets.US_ASCII);
		Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void restrictToOwner(Path file) throws IOException {
		if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
			log.warn("{} could be read by others ({}); made it readable by its owner only", file,
					PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
	}

	private static boolean posix(Path file) {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	private static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void requireSafe(String password, String name) {
		// The passwords go into ALTER ROLE ... PASSWORD '...': only characters that need no quoting are allowed.
		if (password == null || !password.matches("[A-Za-z0-9_-]{20,}")) {
			throw new IllegalArgumentException(name + " is missing or malformed in the credentials file");
		}
	}

	@Override
	public String toString() {
		return "ClusterCredentials[owner=" + OWNER + ", app=" + APP + ", passwords hidden]";
	}
}
