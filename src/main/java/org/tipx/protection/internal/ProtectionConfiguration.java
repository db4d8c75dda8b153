package org.tipx.protection.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;

/**
 * Wires field encryption: the keyset file ({@code tipx.protection.keyset-file}, TIPX_FIELD_KEYSET_FILE), created on
 * first start unless {@code tipx.protection.create-keyset} is false, and the search-token key beside it
 * ({@code tipx.protection.search-key-file}, TIPX_SEARCH_KEY_FILE), and the installation's signing and encryption keysets
 * for other tipx installations ({@code tipx.protection.instance-signing-keyset-file},
 * {@code tipx.protection.instance-encryption-keyset-file}); at start-up the keyset is checked against the
 * database and anything not sealed under the primary key is re-sealed.
 */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

	@Bean
	Keyring keyring(@Value("${tipx.protection.keyset-file}") Path file,
			@Value("${tipx.protection.create-keyset:true}") boolean create) {
		return new Keyring(file, create);
	}

	@Bean
	InstanceKeyring instanceKeys(@Value("${tipx.protection.instance-signing-keyset-file}") Path signing,
			@Value("${tipx.protection.instance-encryption-keyset-file}") Path encryption,
			@Value("${tipx.protection.create-keyset:true}") boolean create) {
		return new InstanceKeyring(signing, encryption, create);
	}

	@Bean
	TinkFieldCipher fieldCipher(Keyring keyring) {
		return new TinkFieldCipher(keyring);
	}

	@Bean
	KeyedSearchTokens searchTokens(@Value("${tipx.protection.search-key-file}") Path file,
			@Value("${tipx.protection.create-keyset:true}") boolean create) {
		return new KeyedSearchTokens(file, create);
	}

	@Bean
	Resealing resealing(JdbcClient jdbc, FieldCipher cipher, List<SealedColumn> declared) {
		List<SealedColumn> columns = new ArrayList<>(declared);
		columns.add(KeysetCheck.COLUMN);
		return new Resealing(jdbc, cipher, columns);
	}

	@Bean
	ApplicationRunner fieldKeysetCheck(JdbcClient jdbc, FieldCipher cipher, Resealing resealing,
			@Value("${tipx.protection.keyset-file}") Path file) {
		return arguments -> {
			new KeysetCheck(jdbc, cipher).verify(file.toString());
			resealing.run();
		};
	}
}
