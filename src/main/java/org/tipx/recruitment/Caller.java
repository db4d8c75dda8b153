package org.tipx.recruitment;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.tipx.shared.Actor;

/**
 * On whose behalf a posting is scored: what this organisation (and account, for a person) may see in the signal
 * exchange is all that can influence the score. Feed monitoring scores for the source's organisation, with no account.
 */
public record Caller(UUID organisationId, Optional<UUID> accountId) {

	public Caller {
		Objects.requireNonNull(organisationId, "organisationId");
		accountId = accountId == null ? Optional.empty() : accountId;
	}

	public static Caller of(Actor actor) {
		return new Caller(actor.organisationId(), actor.accountId());
	}
}
