package org.tipx.directory;

import java.util.Optional;
import java.util.Set;

/**
 * What other modules may ask of the directory.
 */
public interface Directory {

	Optional<Organisation> organisation(OrganisationId id);

	/** Every organisation of the exchange. */
	java.util.List<Organisation> organisations();

	/** The organisations in a sharing group; empty if the group does not exist. */
	Set<OrganisationId> sharingGroupMembers(java.util.UUID sharingGroupId);

	/** The sharing groups an organisation belongs to. */
	Set<java.util.UUID> sharingGroupsOf(OrganisationId organisation);
}
