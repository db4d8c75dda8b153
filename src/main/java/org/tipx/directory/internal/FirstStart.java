package org.tipx.directory.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.OrganisationType;
import org.tipx.directory.Role;
import org.tipx.shared.CountryCode;

/**
 * On the first start with an empty database, creates the administrators' organisation and the {@code admin} account.
 * The password comes from TIPX_ADMIN_PASSWORD or is generated and printed once.
 */
@Component
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final AccountStore accounts;

	private final OrganisationStore organisations;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditTrail audit;

	private final Clock clock;

	private final String organisationName;

	private final String organisationCountry;

	private final String adminPassword;

	FirstStart(AccountStore accounts, OrganisationStore organisations, PasswordEncoder encoder, PasswordPolicy policy,
			AuditTrail audit, Clock clock, @Value("${tipx.first-start.organisation-name}") String organisationName,
			@Value("${tipx.first-start.organisation-country}") String organisationCountry,
			@Value("${tipx.first-start.admin-password:}") String adminPassword) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
		this.organisationName = organisationName;
		this.organisationCountry = organisationCountry;
		this.adminPassword = adminPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		boolean generated = adminPassword == null || adminPassword.isBlank();
		String password = generated ? generate() : adminPassword;
		if (!generated) {
			policy.check("TIPX_ADMIN_PASSWORD", password, "admin");
		}
		Organisation organisation = new Organisation(new OrganisationId(UUID.randomUUID()), organisationName,
				OrganisationType.INTERNATIONAL_ORGANISATION, CountryCode.parse("TIPX_ORG_COUNTRY", organisationCountry),
				clock.instant());
		organisations.insert(organisation);
		StoredAccount admin = new StoredAccount(UUID.randomUUID(), "admin", "Administrator", encoder.encode(password),
				organisation.id().value(), EnumSet.of(Role.ADMIN), true, false, 0, null, clock.instant(), null, null, 0);
		accounts.insert(admin);
		audit.recordFor("system", AuditRecord.success("account.create", "account", admin.id())
				.withDetail("first start: admin in '" + organisationName + "'"));
		if (generated) {
			log.warn("""

					==============================================================
					 First start: created account 'admin' in '{}'.
					 Generated password (shown once, change it after login):
					   {}
					==============================================================""", organisationName, password);
		}
		else {
			log.info("First start: created account 'admin' in '{}' with the password from TIPX_ADMIN_PASSWORD",
					organisationName);
		}
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 5 == 0) {
				password.append('-');
			}
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
