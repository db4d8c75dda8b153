package org.tipx.directory.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A newly issued token: the secret is returned to the caller once and never stored.
 */
public record IssuedToken(UUID id, String secret, Instant expiresAt) {
}
