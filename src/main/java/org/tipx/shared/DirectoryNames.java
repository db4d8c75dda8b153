package org.tipx.shared;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Names people recognise for the ids other modules hold: usernames of accounts and names of organisations. The
 * directory module answers; a module below it (the audit trail) asks without depending on it. Ids it does not know
 * are absent from the answers.
 */
public interface DirectoryNames {

	/** Every organisation's name, by id. */
	Map<UUID, String> organisationNames();

	/** The usernames of the given accounts, by id. */
	Map<UUID, String> usernames(Collection<UUID> accounts);
}
