package org.tipx.platform.storage;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL 17 inside the tipx process when no external database is configured, so that one command runs
 * everything. The pool depends on the cluster, so Spring closes the pool first and stops the server last.
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
	DataSource dataSource(EmbeddedCluster cluster) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(cluster.jdbcUrl());
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("tipx");
		return dataSource;
	}
}
