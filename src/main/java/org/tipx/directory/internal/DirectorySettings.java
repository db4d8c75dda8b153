package org.tipx.directory.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunable security rules of the directory.
 *
 * @param tokenTtl             lifetime of a person's API token (TIPX_TOKEN_TTL)
 * @param machineTokenMaxTtl   longest lifetime of a machine token
 * @param loginMaxFailures     consecutive failed logins that lock an account (TIPX_LOGIN_MAX_FAILURES)
 * @param loginLockDuration    how long the lock lasts (TIPX_LOGIN_LOCK_DURATION)
 * @param passwordMinLength    shortest accepted password (TIPX_PASSWORD_MIN_LENGTH)
 */
@ConfigurationProperties("tipx.directory")
public record DirectorySettings(Duration tokenTtl, Duration machineTokenMaxTtl, int loginMaxFailures,
		Duration loginLockDuration, int passwordMinLength) {

	public DirectorySettings {
		tokenTtl = tokenTtl == null ? Duration.ofHours(12) : tokenTtl;
		machineTokenMaxTtl = machineTokenMaxTtl == null ? Duration.ofDays(365) : machineTokenMaxTtl;
		loginMaxFailures = loginMaxFailures <= 0 ? 5 : loginMaxFailures;
		loginLockDuration = loginLockDuration == null ? Duration.ofMinutes(15) : loginLockDuration;
		passwordMinLength = passwordMinLength <= 0 ? 12 : passwordMinLength;
	}
}
