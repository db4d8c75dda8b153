package org.tipx.platform.storage;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Uses the PostgreSQL server named by TIPX_DB_URL; nothing is started locally. The operator supplies the users:
 * TIPX_DB_USER serves requests; TIPX_DB_MIGRATION_USER, if set, owns the schema and runs the migrations (otherwise
 * TIPX_DB_USER does both, as before).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${tipx.db.url:}'.isBlank()")
class ExternalPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ExternalPostgresConfiguration.class);

	@Bean
	@Primary
	DataSource dataSource(StorageProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(properties.url());
		dataSource.setUsername(properties.user());
		dataSource.setPassword(properties.password());
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("tipx");
		log.info("Using external PostgreSQL at {} as {}; migrations as {}",
				properties.url().replaceAll("password=[^&]*", "password=***"), properties.user(),
				properties.migrationUser());
		return dataSource;
	}

	/** Unpooled connections for Flyway, as the migration user. */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource migrationDataSource(StorageProperties properties) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), properties.url(), properties.migrationUser(),
				properties.migrationPassword());
	}
}
