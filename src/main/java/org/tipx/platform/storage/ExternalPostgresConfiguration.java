package org.tipx.platform.storage;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uses the PostgreSQL server named by TIPX_DB_URL; nothing is started locally.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${tipx.db.url:}'.isBlank()")
class ExternalPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ExternalPostgresConfiguration.class);

	@Bean
	DataSource dataSource(StorageProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(properties.url());
		dataSource.setUsername(properties.user());
		dataSource.setPassword(properties.password());
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("tipx");
		log.info("Using external PostgreSQL at {}", properties.url().replaceAll("password=[^&]*", "password=***"));
		return dataSource;
	}
}
