package org.tipx.directory.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.OrganisationType;
import org.tipx.shared.ConflictException;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * Registers, corrects and deactivates member organisations (administrators only, enforced at the web layer) and lists
 * them to every account. Deactivating an organisation deactivates its active accounts (their sessions end, ADR 0014)
 * and revokes every token it holds, people's and machines'; reactivating it brings back none of them: each account is
 * reactivated on its own page. Every change is audited.
 */
@Service
public class OrganisationRegistry {

	private final OrganisationStore organisations;

	private final AccountStore accounts;

	private final TokenStore tokens;

	private final AuditTrail audit;

	private final Clock clock;

	OrganisationRegistry(OrganisationStore organisations, AccountStore accounts, TokenStore tokens, AuditTrail audit,
			Clock clock) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Organisation register(String name, String type, String country) {
		Organisation organisation = checked(new OrganisationId(UUID.randomUUID()), name, type, country,
				clock.instant());
		if (organisations.nameTaken(organisation.name())) {
			throw new ConflictException("name", "an organisation named '" + organisation.name() + "' already exists");
		}
		try {
			organisations.insert(organisation);
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("name", "an organisation named '" + organisation.name() + "' already exists");
		}
		audit.record(AuditRecord.success("organisation.create", "organisation", organisation.id())
				.withDetail(organisation.name() + " " + organisation.type() + " " + organisation.country()));
		return organisation;
	}

	/** Corrects an organisation's name, type and country. */
	@Transactional
	public Organisation update(UUID id, String name, String type, String country) {
		Organisation before = get(id);
		Organisation after = checked(before.id(), name, type, country, before.createdAt());
		if (organisations.nameTakenByAnother(after.name(), after.id())) {
			throw new ConflictException("name", "an organisation named '" + after.name() + "' already exists");
		}
		try {
			organisations.update(after);
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("name", "an organisation named '" + after.name() + "' already exists");
		}
		audit.record(AuditRecord.success("organisation.update", "organisation", after.id())
				.withDetail(before.name() + " " + before.type() + " " + before.country() + " -> " + after.name() + " "
						+ after.type() + " " + after.country()));
		return after;
	}

	/**
	 * Deactivates the organisation: its active accounts are deactivated (their sessions end) and every token it holds
	 * is revoked. The caller's own organisation cannot be deactivated.
	 */
	@Transactional
	public void deactivate(UUID id, UUID callerOrganisation, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required: say why the organisation is deactivated");
		}
		if (reason.strip().length() > 500) {
			throw new InvalidInputException("reason", "must be at most 500 characters");
		}
		Organisation organisation = get(id);
		if (id.equals(callerOrganisation)) {
			throw new ConflictException("reason", "you cannot deactivate your own organisation");
		}
		if (!standing(id).active()) {
			throw new ConflictException("reason", "the organisation is already deactivated");
		}
		java.time.Instant now = clock.instant();
		organisations.deactivate(organisation.id(), now, reason.strip());
		List<UUID> deactivated = accounts.deactivateAllOf(id, now, "organisation deactivated: " + reason.strip());
		int revoked = tokens.revokeAllOfOrganisation(id, now);
		for (UUID account : deactivated) {
			audit.record(AuditRecord.success("account.deactivate", "account", account)
					.withDetail("organisation deactivated"));
		}
		audit.record(AuditRecord.success("organisation.deactivate", "organisation", organisation.id())
				.withDetail("reason=" + reason.strip() + "; accounts deactivated=" + deactivated.size()
						+ "; tokens revoked=" + revoked));
	}

	/** Reactivates the organisation; its accounts stay deactivated until each is reactivated. */
	@Transactional
	public void reactivate(UUID id) {
		Organisation organisation = get(id);
		organisations.reactivate(organisation.id());
		audit.record(AuditRecord.success("organisation.reactivate", "organisation", organisation.id()));
	}

	public OrganisationStore.Standing standing(UUID id) {
		return organisations.standing(new OrganisationId(id))
				.orElseThrow(() -> new NotFoundException("organisation " + id));
	}

	/** The organisations accounts can be opened in. */
	public List<Organisation> activeOnes() {
		java.util.Set<UUID> inactive = organisations.inactive();
		return organisations.all().stream().filter(o -> !inactive.contains(o.id().value())).toList();
	}

	public java.util.Set<UUID> inactive() {
		return organisations.inactive();
	}

	private static Organisation checked(OrganisationId id, String name, String type, String country,
			java.time.Instant createdAt) {
		List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
		String cleanName = name == null ? "" : name.strip().replaceAll("\\s+", " ");
		if (cleanName.isEmpty() || cleanName.length() > 200) {
			errors.add(new InvalidInputException.FieldError("name", "is required, at most 200 characters"));
		}
		OrganisationType parsedType = null;
		try {
			parsedType = type == null ? null : OrganisationType.valueOf(type.strip());
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (parsedType == null) {
			errors.add(new InvalidInputException.FieldError("type", "must be one of " + OrganisationType.names()));
		}
		CountryCode code = null;
		try {
			code = CountryCode.parse("country", country);
		}
		catch (InvalidInputException e) {
			errors.addAll(e.errors());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Organisation(id, cleanName, parsedType, code, createdAt);
	}

	public List<Organisation> all() {
		return organisations.all();
	}

	public Organisation get(UUID id) {
		return organisations.find(new OrganisationId(id)).orElseThrow(() -> new NotFoundException("organisation " + id));
	}
}
