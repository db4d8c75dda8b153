package org.tipx.audit.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tipx.audit.internal.AuditEntry;
import org.tipx.shared.DirectoryNames;

/**
 * Audit entries as people read them: the actor's organisation and an account or organisation the entry is about by
 * name rather than id, and the action in words of the page's language ({@code administration.audit.action.<code>}),
 * its code kept beside it. An action without words yet shows its code. The CSV export keeps the stored values.
 * Without a directory (the audit module started on its own) ids stay ids.
 */
@Component
class AuditRows {

	private static final String ACTION_KEY = "administration.audit.action.";

	private static final DirectoryNames NO_NAMES = new DirectoryNames() {

		@Override
		public Map<UUID, String> organisationNames() {
			return Map.of();
		}

		@Override
		public Map<UUID, String> usernames(java.util.Collection<UUID> accounts) {
			return Map.of();
		}
	};

	private final ObjectProvider<DirectoryNames> directory;

	private final MessageSource messages;

	AuditRows(ObjectProvider<DirectoryNames> directory, MessageSource messages) {
		this.directory = directory;
		this.messages = messages;
	}

	List<Row> of(List<AuditEntry> entries, Locale locale) {
		DirectoryNames names = directory.getIfAvailable(() -> NO_NAMES);
		Map<UUID, String> organisations = names.organisationNames();
		Set<UUID> accounts = entries.stream().filter(e -> "account".equals(e.objectType()))
				.map(e -> uuid(e.objectId())).filter(Objects::nonNull).collect(Collectors.toSet());
		Map<UUID, String> usernames = names.usernames(accounts);
		return entries.stream().map(e -> new Row(e, e.organisationId() == null ? null : organisations.get(e.organisationId()),
				objectName(e, usernames, organisations), words(e.action(), locale))).toList();
	}

	/** The action in the page's language; the code itself if it has no words yet. */
	String words(String action, Locale locale) {
		return messages.getMessage(ACTION_KEY + action, null, action, locale);
	}

	private static String objectName(AuditEntry e, Map<UUID, String> usernames, Map<UUID, String> organisations) {
		UUID id = uuid(e.objectId());
		if (id == null) {
			return null;
		}
		return switch (e.objectType() == null ? "" : e.objectType()) {
			case "account" -> usernames.get(id);
			case "organisation" -> organisations.get(id);
			default -> null;
		};
	}

	private static UUID uuid(String value) {
		if (value == null || value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}


	/**
	 * One entry as shown.
	 *
	 * @param organisation the actor's organisation's name, null if none
	 * @param object the name of the account or organisation the entry is about, null if it is about something else
	 * @param action the action in words
	 */
	record Row(AuditEntry entry, String organisation, String object, String action) {
	}
}
