package org.tipx.directory.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.Role;
import org.tipx.directory.internal.SharingGroupStore.SharingGroup;
import org.tipx.directory.security.TipxPrincipal;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * Named sets of organisations. ADMIN manages any group; an ORG_ADMIN creates groups that include its own organisation
 * and changes the members of groups its organisation created. Accounts see the groups their organisation is in.
 */
@Service
public class SharingGroupAdministration {

	private final SharingGroupStore groups;

	private final OrganisationStore organisations;

	private final AccountStore accounts;

	private final AuditTrail audit;

	private final Clock clock;

	SharingGroupAdministration(SharingGroupStore groups, OrganisationStore organisations, AccountStore accounts,
			AuditTrail audit, Clock clock) {
		this.groups = groups;
		this.organisations = organisations;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public SharingGroup create(TipxPrincipal caller, String name, String description, List<UUID> organisationIds) {
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 200) {
			throw new InvalidInputException("name", "is required, at most 200 characters");
		}
		Set<UUID> members = checkedMembers(organisationIds);
		if (!caller.has(Role.ADMIN)) {
			if (!caller.has(Role.ORG_ADMIN)) {
				throw new ForbiddenException("only ADMIN or ORG_ADMIN may create sharing groups");
			}
			if (!members.contains(caller.organisationId())) {
				throw new InvalidInputException("organisationIds", "must include your own organisation");
			}
		}
		if (groups.nameTaken(cleanName)) {
			throw new ConflictException("name", "a sharing group named '" + cleanName + "' already exists");
		}
		SharingGroup group = new SharingGroup(UUID.randomUUID(), cleanName,
				description == null || description.isBlank() ? null : description.strip(), caller.account(),
				clock.instant(), members);
		groups.insert(group);
		audit.record(AuditRecord.success("sharing_group.create", "sharing_group", group.id())
				.withDetail(cleanName + " members=" + members));
		return group;
	}

	@Transactional
	public SharingGroup replaceMembers(TipxPrincipal caller, UUID groupId, List<UUID> organisationIds) {
		SharingGroup group = visible(caller, groupId);
		if (!caller.has(Role.ADMIN)) {
			UUID creatorOrganisation = accounts.find(group.createdBy()).map(StoredAccount::organisationId).orElse(null);
			if (!caller.has(Role.ORG_ADMIN) || !caller.organisationId().equals(creatorOrganisation)) {
				audit.record(AuditRecord.denied("sharing_group.members", "sharing_group", groupId,
						"not ADMIN nor ORG_ADMIN of the creating organisation"));
				throw new ForbiddenException("only ADMIN or an ORG_ADMIN of the organisation that created the group may"
						+ " change its members");
			}
		}
		Set<UUID> members = checkedMembers(organisationIds);
		groups.setMembers(groupId, members);
		audit.record(AuditRecord.success("sharing_group.members", "sharing_group", groupId)
				.withDetail(group.members() + " -> " + members));
		return groups.find(groupId).orElseThrow();
	}

	public List<SharingGroup> visibleTo(TipxPrincipal caller) {
		List<UUID> ids = caller.has(Role.ADMIN) ? groups.all() : groups.containing(caller.organisationId());
		return ids.stream().map(id -> groups.find(id).orElseThrow()).toList();
	}

	/** A group the caller may see; others answer "not found" so their existence is not revealed. */
	public SharingGroup visible(TipxPrincipal caller, UUID groupId) {
		SharingGroup group = groups.find(groupId).orElseThrow(() -> new NotFoundException("sharing group " + groupId));
		if (!caller.has(Role.ADMIN) && !group.members().contains(caller.organisationId())) {
			throw new NotFoundException("sharing group " + groupId);
		}
		return group;
	}

	private Set<UUID> checkedMembers(List<UUID> organisationIds) {
		if (organisationIds == null || organisationIds.isEmpty()) {
			throw new InvalidInputException("organisationIds", "at least one organisation is required");
		}
		Set<UUID> members = new LinkedHashSet<>();
		for (int i = 0; i < organisationIds.size(); i++) {
			UUID id = organisationIds.get(i);
			if (id == null || organisations.find(new OrganisationId(id)).isEmpty()) {
				throw new InvalidInputException("organisationIds[" + i + "]", "no organisation with id " + id);
			}
			members.add(id);
		}
		return members;
	}
}
