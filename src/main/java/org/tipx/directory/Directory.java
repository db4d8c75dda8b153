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

	/** The sharing groups an organisation belongs to, with their names, ordered by name: what it may share with. */
	java.util.Map<java.util.UUID, String> sharingGroupNamesOf(OrganisationId organisation);

	/** The organisations of a country that have an active focal point account, who receive notices for it. */
	java.util.List<Organisation> focalPointsOf(org.tipx.shared.CountryCode country);

	/** The referral contacts of these countries, by country, then kind, then name. */
	java.util.List<ReferralContact> referralContacts(Set<org.tipx.shared.CountryCode> countries);
}
