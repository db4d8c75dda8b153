package org.tipx.signals.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.tipx.shared.InvalidInputException;

/**
 * Whom the report form addresses a report to: what the form sends of its recipients and sharing group, given the
 * marking. Recipients count for AMBER and RED, a sharing group for AMBER only (the rule of
 * {@link org.tipx.sharing.Reader#sees}); for any other marking the form hides both, so what it may still send of them
 * is dropped rather than filed with a report that would never show it.
 *
 * @param recipients   organisation ids, or null for none
 * @param sharingGroup the group, or null
 */
record Addressing(List<UUID> recipients, UUID sharingGroup) {

	/** The form fields this covers, as the API names them. */
	static final Set<String> FIELDS = Set.of("recipients", "sharingGroupId");

	/**
	 * @throws InvalidInputException naming the field, when an id sent is not an id at all (a tampered form)
	 */
	static Addressing of(String tlp, List<String> recipients, String sharingGroupId) {
		boolean named = "AMBER".equals(tlp) || "RED".equals(tlp);
		List<UUID> ids = named ? recipients.stream().filter(r -> r != null && !r.isBlank())
				.map(r -> id("recipients", r)).distinct().toList() : List.of();
		UUID group = "AMBER".equals(tlp) && sharingGroupId != null && !sharingGroupId.isBlank()
				? id("sharingGroupId", sharingGroupId) : null;
		return new Addressing(ids.isEmpty() ? null : ids, group);
	}

	private static UUID id(String field, String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(field, "is not an id");
		}
	}
}
