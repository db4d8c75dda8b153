package org.tipx.platform.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tipx keeps its data. Without {@code url} an embedded PostgreSQL runs in {@code dataDir}/postgres; with it, tipx
 * uses that server and starts nothing.
 *
 * @param dataDir           the data directory (TIPX_DATA_DIR)
 * @param url               JDBC URL of an external PostgreSQL (TIPX_DB_URL)
 * @param user              its user that serves requests (TIPX_DB_USER)
 * @param password          that user's password (TIPX_DB_PASSWORD)
 * @param migrationUser     its user that owns the schema and runs the migrations (TIPX_DB_MIGRATION_USER); {@code user}
 *                          when not set
 * @param migrationPassword that user's password (TIPX_DB_MIGRATION_PASSWORD); {@code password} when no migration user
 *                          is set
 * @param ephemeral         throw the embedded cluster away on shutdown (tests)
 * @param sharedBuffers     the embedded PostgreSQL's {@code shared_buffers} (TIPX_DB_SHARED_BUFFERS)
 */
@ConfigurationProperties("tipx.db")
record StorageProperties(Path dataDir, String url, String user, String password, String migrationUser,
		String migrationPassword, boolean ephemeral, String sharedBuffers) {

	StorageProperties {
		if (dataDir == null) {
			dataDir = Path.of("tipx-data");
		}
		if (sharedBuffers == null || sharedBuffers.isBlank()) {
			sharedBuffers = EmbeddedCluster.DEFAULT_SHARED_BUFFERS;
		}
		if (migrationUser == null || migrationUser.isBlank()) {
			migrationUser = user;
			migrationPassword = password;
		}
	}

	boolean external() {
		return url != null && !url.isBlank();
	}
}
