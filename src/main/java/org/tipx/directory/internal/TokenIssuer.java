package org.tipx.directory.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.directory.security.TipxPrincipal;

/**
 * Issues opaque bearer tokens, stores only their SHA-256, and turns a presented secret back into a principal.
 */
@Component
public class TokenIssuer {

	/** Makes leaked tokens recognisable to secret scanners. */
	static final String PREFIX = "tipx_";

	private final SecureRandom random = new SecureRandom();

	private final TokenStore tokens;

	private final AccountStore accounts;

	private final DirectorySettings settings;

	private final Clock clock;

	TokenIssuer(TokenStore tokens, AccountStore accounts, DirectorySettings settings, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public IssuedToken issuePersonal(StoredAccount account) {
		Instant now = clock.instant();
		return issue(new StoredToken(UUID.randomUUID(), StoredToken.Kind.PERSONAL, account.id(),
				account.organisationId(), null, Set.of(), account.id(), now, now.plus(settings.tokenTtl()), null, null));
	}

	@Transactional
	IssuedToken issueMachine(UUID organisationId, String name, Set<String> scopes, Instant expiresAt, UUID createdBy) {
		return issue(new StoredToken(UUID.randomUUID(), StoredToken.Kind.MACHINE, null, organisationId, name, scopes,
				createdBy, clock.instant(), expiresAt, null, null));
	}

	private IssuedToken issue(StoredToken token) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		tokens.insert(token, hash(secret));
		return new IssuedToken(token.id(), secret, token.expiresAt());
	}

	/** The principal for a presented secret, if the token exists, is neither expired nor revoked, and its owner is active. */
	@Transactional
	public Optional<TipxPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<StoredToken> found = tokens.findByHash(hash(secret)).filter(t -> t.usableAt(now));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		StoredToken token = found.get();
		Optional<TipxPrincipal> principal;
		if (token.kind() == StoredToken.Kind.MACHINE) {
			principal = Optional.of(new TipxPrincipal(null, "machine:" + token.name(), token.organisationId(), Set.of(),
					token.scopes(), false, token.id()));
		}
		else {
			principal = accounts.find(token.accountId()).filter(StoredAccount::active)
					.map(a -> new TipxPrincipal(a.id(), a.username(), a.organisationId(), a.roles(), Set.of(),
							a.mustChangePassword(), token.id()));
		}
		principal.ifPresent(p -> tokens.touch(token.id(), now));
		return principal;
	}

	static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", e);
		}
	}
}
