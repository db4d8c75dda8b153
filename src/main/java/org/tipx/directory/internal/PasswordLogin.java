package org.tipx.directory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;

/**
 * Checks a username and password for both the token API and the login page, with one throttle: after the configured
 * number of consecutive failures the account locks for the configured time. Every attempt is audited.
 */
@Component
public class PasswordLogin {

	private final AccountStore accounts;

	private final PasswordEncoder encoder;

	private final DirectorySettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	/** Compared against when the username is unknown, so both cases take the same time. */
	private final String decoyHash;

	PasswordLogin(AccountStore accounts, PasswordEncoder encoder, DirectorySettings settings, AuditTrail audit,
			Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.decoyHash = encoder.encode("decoy-password-never-used");
	}

	/** Returns the account if the password is right and the account may log in; otherwise throws {@link LoginRefused}. */
	public StoredAccount authenticate(String username, String password, String channel) {
		Instant now = clock.instant();
		Optional<StoredAccount> found = username == null ? Optional.empty() : accounts.findByUsername(username.strip());
		if (found.isEmpty()) {
			encoder.matches(password == null ? "" : password, decoyHash);
			audit.recordFor(safeName(username), AuditRecord.denied("login", "account", null, channel + ": unknown username"));
			throw LoginRefused.badCredentials();
		}
		StoredAccount account = found.get();
		if (account.lockedAt(now)) {
			audit.recordFor(account.username(), account.id(), account.organisationId(),
					AuditRecord.denied("login", "account", account.id(), channel + ": account locked"));
			throw LoginRefused.locked(account.lockedUntil());
		}
		if (password == null || !encoder.matches(password, account.passwordHash())) {
			Optional<Instant> lockedUntil = accounts.recordFailure(account.id(), settings.loginMaxFailures(),
					now.plus(settings.loginLockDuration()));
			audit.recordFor(account.username(), account.id(), account.organisationId(),
					AuditRecord.denied("login", "account", account.id(), channel + ": wrong password"));
			if (lockedUntil.isPresent()) {
				audit.recordFor(account.username(), account.id(), account.organisationId(),
						AuditRecord.success("account.lock", "account", account.id())
								.withDetail(settings.loginMaxFailures() + " consecutive failed logins; locked until "
										+ lockedUntil.get()));
				throw LoginRefused.locked(lockedUntil.get());
			}
			throw LoginRefused.badCredentials();
		}
		if (!account.active()) {
			audit.recordFor(account.username(), account.id(), account.organisationId(),
					AuditRecord.denied("login", "account", account.id(), channel + ": account deactivated"));
			throw LoginRefused.badCredentials();
		}
		accounts.recordSuccess(account.id());
		audit.recordFor(account.username(), account.id(), account.organisationId(),
				AuditRecord.success("login", "account", account.id()).withDetail(channel));
		return account;
	}

	private static String safeName(String username) {
		if (username == null) {
			return "(none)";
		}
		String stripped = username.strip();
		return stripped.length() > 100 ? stripped.substring(0, 100) : stripped;
	}
}
