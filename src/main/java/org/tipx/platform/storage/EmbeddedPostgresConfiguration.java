package org.tipx.platform.storage;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.callback.Callback;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts PostgreSQL 17 inside the tipx process when no external database is configured, so that one command runs
 * everything. The pool depends on the cluster, so Spring closes the pool first and stops the server last. Flyway
 * migrates as the owner of the schema; everything else runs as {@link ClusterCredentials#APP}, which may only read and
 * write rows.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${tipx.db.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedCluster embeddedCluster(StorageProperties properties) throws IOException {
		return properties.ephemeral() ? EmbeddedCluster.startThrowaway(properties.sharedBuffers())
				: EmbeddedCluster.start(properties.dataDir().resolve("postgres").toAbsolutePath(), false,
						properties.sharedBuffers());
	}

	@Bean
	@Primary
	DataSource dataSource(EmbeddedCluster cluster) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(cluster.jdbcUrl());
		dataSource.setUsername(ClusterCredentials.APP);
		dataSource.setPassword(cluster.credentials().appPassword());
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("tipx");
		return dataSource;
	}

	@Bean
	Callback migrationHistoryAccess() {
		return new MigrationHistoryAccess();
	}

	/** The schema owner's connections: only Flyway (and tests that play an attacker with the database) use them. */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource migrationDataSource(EmbeddedCluster cluster) {
		return cluster.ownerDataSource();
	}
}
