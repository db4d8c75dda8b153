package org.tipx.directory.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.ReferralContact;
import org.tipx.shared.CountryCode;

/**
 * Answers other modules' questions about organisations and sharing groups.
 */
@Service
class DirectoryQueries implements Directory {

	private final OrganisationStore organisations;

	private final SharingGroupStore groups;

	private final ReferralContacts referralContacts;

	private final JdbcClient jdbc;

	DirectoryQueries(OrganisationStore organisations, SharingGroupStore groups, ReferralContacts referralContacts,
			JdbcClient jdbc) {
		this.organisations = organisations;
		this.groups = groups;
		this.referralContacts = referralContacts;
		this.jdbc = jdbc;
	}

	@Override
	public java.util.List<Organisation> focalPointsOf(CountryCode country) {
		return jdbc.sql("""
				SELECT o.id FROM directory_organisation o WHERE o.country = ? AND EXISTS (
				  SELECT 1 FROM directory_account a WHERE a.organisation_id = o.id AND a.active
				    AND 'FOCAL_POINT' = ANY (a.roles))
				ORDER BY o.name""").param(country.value()).query(UUID.class).list().stream()
				.map(id -> organisations.find(new OrganisationId(id))).flatMap(Optional::stream).toList();
	}

	@Override
	public java.util.List<ReferralContact> referralContacts(Set<CountryCode> countries) {
		return referralContacts.of(countries);
	}

	@Override
	public Optional<Organisation> organisation(OrganisationId id) {
		return organisations.find(id);
	}

	@Override
	public java.util.List<Organisation> organisations() {
		return organisations.all();
	}

	@Override
	public Set<OrganisationId> sharingGroupMembers(UUID sharingGroupId) {
		return groups.members(sharingGroupId).stream().map(OrganisationId::new).collect(Collectors.toSet());
	}

	@Override
	public Set<UUID> sharingGroupsOf(OrganisationId organisation) {
		return Set.copyOf(groups.containing(organisation.value()));
	}

	@Override
	public java.util.Map<UUID, String> sharingGroupNamesOf(OrganisationId organisation) {
		return groups.namesContaining(organisation.value());
	}
}
