package org.tipx.signals;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which identifiers the signal exchange already holds, as far as one reader may know: a value counts only if an active
 * report holding it is visible to that organisation (and account) under the same TLP and sharing rule as lookups.
 * Nothing else leaks: a value only in reports the reader may not see is answered exactly as an unknown one.
 */
public interface KnownIdentifiers {

	/**
	 * @param accountId the person reading, or null for a machine (feed monitoring, a token)
	 * @return the subset of {@code values} held by at least one report the reader may see
	 */
	Set<Identifier> knownTo(UUID organisationId, UUID accountId, Collection<Identifier> values);

	/** A canonical identifier, as {@code org.tipx.signals.canonical.Canonicalisers} produces it. */
	record Identifier(IndicatorType type, String canonical) {

		public Identifier {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(canonical, "canonical");
		}
	}
}
