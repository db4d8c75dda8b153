package org.tipx.directory.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;

/**
 * Answers other modules' questions about organisations and sharing groups.
 */
@Service
class DirectoryQueries implements Directory {

	private final OrganisationStore organisations;

	private final SharingGroupStore groups;

	DirectoryQueries(OrganisationStore organisations, SharingGroupStore groups) {
		this.organisations = organisations;
		this.groups = groups;
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
}
