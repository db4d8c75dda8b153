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
 * Registers member organisations (administrators only, enforced at the web layer) and lists them to every account.
 */
@Service
public class OrganisationRegistry {

	private final OrganisationStore organisations;

	private final AuditTrail audit;

	private final Clock clock;

	OrganisationRegistry(OrganisationStore organisations, AuditTrail audit, Clock clock) {
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Organisation register(String name, String type, String country) {
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
		if (organisations.nameTaken(cleanName)) {
			throw new ConflictException("name", "an organisation named '" + cleanName + "' already exists");
		}
		Organisation organisation = new Organisation(new OrganisationId(UUID.randomUUID()), cleanName, parsedType, code,
				clock.instant());
		try {
			organisations.insert(organisation);
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("name", "an organisation named '" + cleanName + "' already exists");
		}
		audit.record(AuditRecord.success("organisation.create", "organisation", organisation.id())
				.withDetail(cleanName + " " + parsedType + " " + code));
		return organisation;
	}

	public List<Organisation> all() {
		return organisations.all();
	}

	public Organisation get(UUID id) {
		return organisations.find(new OrganisationId(id)).orElseThrow(() -> new NotFoundException("organisation " + id));
	}
}
