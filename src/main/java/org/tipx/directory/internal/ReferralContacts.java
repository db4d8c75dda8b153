package org.tipx.directory.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.ReferralContact;
import org.tipx.shared.CountryCode;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.NotFoundException;

/**
 * Keeps the referral contacts: each organisation's admin keeps its own; an administrator may change any.
 */
@Service
public class ReferralContacts {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");

	private static final Pattern PHONE = Pattern.compile("[+0-9][0-9 ()./-]{2,30}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	ReferralContacts(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A contact as given by its keeper. */
	public record Draft(String country, String kind, String name, String phone, String email, String website,
			List<String> languages, String hours) {
	}

	@Transactional(readOnly = true)
	public List<ReferralContact> of(Collection<CountryCode> countries) {
		if (countries.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM directory_referral_contact WHERE country = ANY (?)
				ORDER BY country, kind, lower(name)""")
				.param(countries.stream().map(CountryCode::value).toArray(String[]::new))
				.query((rs, n) -> contact(rs)).list();
	}

	@Transactional
	public ReferralContact add(UUID organisationId, Draft draft) {
		UUID id = UUID.randomUUID();
		Draft checked = checked(draft);
		jdbc.sql("""
				INSERT INTO directory_referral_contact (id, organisation_id, country, kind, name, phone, email, website,
				  languages, hours, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
				.params(id, organisationId, checked.country(), checked.kind(), checked.name(), checked.phone(),
						checked.email(), checked.website(), checked.languages().toArray(String[]::new), checked.hours(),
						OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
				.update();
		audit.record(AuditRecord.success("directory.referral_contact.add", "referral_contact", id)
				.withDetail(checked.country() + " " + checked.kind()));
		return find(id);
	}

	@Transactional
	public ReferralContact change(UUID organisationId, boolean administrator, UUID id, Draft draft) {
		ReferralContact existing = keptBy(organisationId, administrator, id);
		Draft checked = checked(draft);
		jdbc.sql("""
				UPDATE directory_referral_contact SET country = ?, kind = ?, name = ?, phone = ?, email = ?, website = ?,
				  languages = ?, hours = ?, updated_at = ? WHERE id = ?""")
				.params(checked.country(), checked.kind(), checked.name(), checked.phone(), checked.email(),
						checked.website(), checked.languages().toArray(String[]::new), checked.hours(),
						OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), existing.id())
				.update();
		audit.record(AuditRecord.success("directory.referral_contact.change", "referral_contact", id));
		return find(id);
	}

	@Transactional
	public void remove(UUID organisationId, boolean administrator, UUID id) {
		keptBy(organisationId, administrator, id);
		jdbc.sql("DELETE FROM directory_referral_contact WHERE id = ?").param(id).update();
		audit.record(AuditRecord.success("directory.referral_contact.remove", "referral_contact", id));
	}

	private ReferralContact keptBy(UUID organisationId, boolean administrator, UUID id) {
		ReferralContact existing = find(id);
		if (!administrator && !existing.organisationId().equals(organisationId)) {
			throw new ForbiddenException("Only the organisation that keeps this contact may change it");
		}
		return existing;
	}

	private ReferralContact find(UUID id) {
		return jdbc.sql("SELECT * FROM directory_referral_contact WHERE id = ?").param(id)
				.query((rs, n) -> contact(rs)).optional()
				.orElseThrow(() -> new NotFoundException("No referral contact " + id));
	}

	private static Draft checked(Draft draft) {
		if (draft == null) {
			throw new InvalidInputException("contact", "is required");
		}
		List<FieldError> errors = new ArrayList<>();
		String country = null;
		try {
			country = CountryCode.parse("country", draft.country()).value();
		}
		catch (InvalidInputException e) {
			errors.addAll(e.errors());
		}
		String kind = draft.kind() == null ? null : draft.kind().strip().toUpperCase(Locale.ROOT);
		if (kind == null || Arrays.stream(ReferralContact.Kind.values()).noneMatch(k -> k.name().equals(kind))) {
			errors.add(new FieldError("kind", "must be one of " + Arrays.toString(ReferralContact.Kind.values())));
		}
		String name = blankToNull(draft.name());
		if (name == null || name.length() > 200) {
			errors.add(new FieldError("name", "is required, at most 200 characters"));
		}
		String phone = blankToNull(draft.phone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			errors.add(new FieldError("phone", "is not a phone number (digits, spaces, + ( ) . - /)"));
		}
		String email = blankToNull(draft.email());
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			errors.add(new FieldError("email", "is not an e-mail address"));
		}
		String website = blankToNull(draft.website());
		if (website != null && !isWebAddress(website)) {
			errors.add(new FieldError("website", "must be an http or https address"));
		}
		if (phone == null && email == null && website == null) {
			errors.add(new FieldError("phone", "give at least a phone, an e-mail or a website"));
		}
		List<String> languages = draft.languages() == null ? List.of()
				: draft.languages().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
		languages.stream().filter(l -> !LANGUAGE.matcher(l).matches()).findFirst()
				.ifPresent(l -> errors.add(new FieldError("languages", "'" + l + "' is not a language code such as id or km")));
		String hours = blankToNull(draft.hours());
		if (hours != null && hours.length() > 200) {
			errors.add(new FieldError("hours", "is at most 200 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Draft(country, kind, name, phone, email, website, languages, hours);
	}

	private static boolean isWebAddress(String text) {
		try {
			URI uri = new URI(text);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static ReferralContact contact(ResultSet rs) throws SQLException {
		Array languages = rs.getArray("languages");
		return new ReferralContact(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getString("country"), ReferralContact.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getString("phone"), rs.getString("email"), rs.getString("website"),
				languages == null ? List.of() : List.of((String[]) languages.getArray()), rs.getString("hours"),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}
}
