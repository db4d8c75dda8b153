package org.tipx.screening.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.protection.FieldCipher;
import org.tipx.screening.LetterIssued;
import org.tipx.screening.Outcome;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Non-punishment letters: issued for a decided, current screening whose determination applies the principle, drawn as
 * a PDF for the person to carry, and verified by anyone from the code alone, without any personal data. Voiding the
 * screening, or overriding it to no indicators, withdraws its letters.
 */
@Service
public class Letters {

	/** Languages the letter is drawn in, in the order they are offered: every user language (ADR 0019). */
	public static final List<String> LANGUAGES = LetterWording.LANGUAGES;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Screenings screenings;

	private final ScreeningCatalogue catalogue;

	private final Directory directory;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	private final String publicUrl;

	private final ApplicationEventPublisher events;

	Letters(JdbcClient jdbc, Screenings screenings, ScreeningCatalogue catalogue, Directory directory,
			FieldCipher cipher, AuditTrail audit, Clock clock,
			@Value("${tipx.public-url}") String publicUrl, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.screenings = screenings;
		this.catalogue = catalogue;
		this.directory = directory;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/**
	 * A language a letter can be drawn in, named for the page.
	 *
	 * @param code  the code the API takes
	 * @param name  its name in the page's language and in its own
	 * @param draft whether its wording is a machine draft awaiting review (the letter then carries the English text)
	 */
	public record Language(String code, String name, boolean draft) {
	}

	/** The languages letters are drawn in, named in {@code page}'s language and in their own. */
	public List<Language> languages(Locale page) {
		return LANGUAGES.stream().map(code -> {
			Locale language = Locale.forLanguageTag(code);
			String here = language.getDisplayLanguage(page);
			String own = language.getDisplayLanguage(language);
			String name = here.equalsIgnoreCase(own) ? here : here + " — " + own;
			return new Language(code, name, LetterWording.draft(code));
		}).toList();
	}

	/**
	 * Whether the QR codes printed on letters lead to this machine only ({@code TIPX_PUBLIC_URL} left at its default
	 * or set to a loopback address), so that nobody else who scans them reaches the verification page.
	 */
	public boolean qrCodesPointToLocalhost() {
		return pointsToLocalhost(publicUrl);
	}

	static boolean pointsToLocalhost(String url) {
		String host = URI.create(url).getHost();
		return host == null || host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]")
				|| host.equals("0.0.0.0");
	}

	/** A letter of a screening, as its organisation sees it. */
	public record Letter(String code, String language, Instant issuedAt, String issuedBy, Instant withdrawnAt,
			String withdrawnReason) {
	}

	/**
	 * What a verification shows: never a personal field.
	 *
	 * @param status      {@code CURRENT}, {@code WITHDRAWN}, {@code UNKNOWN} (well-formed, never issued) or
	 *                    {@code INVALID} (mistyped or altered)
	 * @param code        the code as checked
	 * @param issuer      the issuing organisation, for a letter that exists
	 * @param country     its country
	 * @param issuedAt    when it was issued
	 * @param withdrawnAt when it was withdrawn
	 * @param measures    the measures it states, as codes
	 */
	public record Verification(String status, String code, String issuer, String country, Instant issuedAt,
			Instant withdrawnAt, List<String> measures) {
	}

	@Transactional
	public Letter issue(Actor officer, UUID screeningId, String language) {
		if (language == null || !LANGUAGES.contains(language)) {
			throw new InvalidInputException("language", "must be one of " + String.join(", ", LANGUAGES));
		}
		ScreeningView screening = screenings.find(screeningId, officer.organisationId())
				.orElseThrow(() -> new NotFoundException("No screening " + screeningId + " in your organisation"));
		Decision decision = screening.decision();
		if (decision.voided()) {
			throw new ConflictException("id", "The screening was voided");
		}
		if (!decision.decided()) {
			throw new ConflictException("decision", "Confirm or override the outcome before issuing a letter");
		}
		if (!decision.finalOutcome().atLeast(Outcome.POSSIBLE_VICTIM) || !screening.nonPunishment()) {
			throw new ConflictException("nonPunishment", "The non-punishment principle does not apply to this screening");
		}
		String code = VerificationCode.generate();
		jdbc.sql("""
				INSERT INTO screening_letter (code, screening_id, organisation_id, language, measures, issued_by, issued_at)
				VALUES (?,?,?,?,?,?,?)""")
				.params(code, screeningId, officer.organisationId(), language,
						screening.nonPunishmentMeasures().toArray(String[]::new), officer.name(),
						OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.update();
		audit.record(AuditRecord.success("screening.letter.issue", "screening", screeningId).withDetail(code));
		events.publishEvent(new LetterIssued(screeningId, officer.organisationId(), code, language, clock.instant()));
		return letters(officer, screeningId).stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Letter> letters(Actor officer, UUID screeningId) {
		return jdbc.sql("""
				SELECT code, language, issued_at, issued_by, withdrawn_at, withdrawn_reason FROM screening_letter
				WHERE screening_id = ? AND organisation_id = ? ORDER BY issued_at""")
				.params(screeningId, officer.organisationId())
				.query((rs, n) -> new Letter(rs.getString(1), rs.getString(2),
						rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
						rs.getObject(5, OffsetDateTime.class) == null ? null
								: rs.getObject(5, OffsetDateTime.class).toInstant(),
						rs.getString(6)))
				.list();
	}

	/** Draws a letter of the caller's organisation; opening the person's name for it is audited. */
	@Transactional(readOnly = true)
	public byte[] pdf(Actor officer, String code) {
		String stored = VerificationCode.normalise(code).orElseThrow(() -> new NotFoundException("No letter " + code));
		var row = jdbc.sql("""
				SELECT l.screening_id, l.language, l.measures, l.issued_at, s.personal, s.profile ->> 'nationality',
				  s.final_outcome, s.created_at
				FROM screening_letter l JOIN screening s ON s.id = l.screening_id
				WHERE l.code = ? AND l.organisation_id = ?""").params(stored, officer.organisationId())
				.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2),
						List.of((String[]) rs.getArray(3).getArray()), rs.getObject(4, OffsetDateTime.class),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class) })
				.optional().orElseThrow(() -> new NotFoundException("No letter " + code + " in your organisation"));
		UUID screeningId = (UUID) row[0];
		String language = (String) row[1];
		@SuppressWarnings("unchecked")
		List<String> measures = (List<String>) row[2];
		Map<String, String> personal = row[4] == null ? Map.of()
				: JSON.readValue(cipher.open((String) row[4], Screenings.PERSONAL_COLUMN.context(screeningId)),
						new TypeReference<Map<String, String>>() {
						});
		audit.record(AuditRecord.success("screening.letter.render", "screening", screeningId).withDetail(stored));
		Organisation issuer = directory.organisation(new OrganisationId(officer.organisationId())).orElseThrow();
		ScreeningRules rules = catalogue.rules(catalogue.current());
		String url = publicUrl + "/verify/" + stored;
		LetterFacts facts = new LetterFacts(issuer.name(), issuer.country().value(),
				personal.getOrDefault("full_name", null), personal.getOrDefault("document_number", null),
				(String) row[5], (String) row[6], ((OffsetDateTime) row[3]).toLocalDate(),
				((OffsetDateTime) row[7]).toLocalDate(), measures, stored, url);
		return LetterPdf.render(facts.pages(language, measure -> rules.text(measure, language)));
	}

	/** Verifies a code; shows nothing personal. */
	@Transactional(readOnly = true)
	public Verification verify(String code) {
		Optional<String> stored = VerificationCode.normalise(code);
		if (stored.isEmpty()) {
			return new Verification("INVALID", code, null, null, null, null, List.of());
		}
		return jdbc.sql("""
				SELECT organisation_id, issued_at, withdrawn_at, measures FROM screening_letter WHERE code = ?""")
				.param(stored.get())
				.query((rs, n) -> {
					Organisation issuer = directory.organisation(new OrganisationId(rs.getObject(1, UUID.class)))
							.orElseThrow();
					OffsetDateTime withdrawn = rs.getObject(3, OffsetDateTime.class);
					return new Verification(withdrawn == null ? "CURRENT" : "WITHDRAWN", stored.get(), issuer.name(),
							issuer.country().value(), rs.getObject(2, OffsetDateTime.class).toInstant(),
							withdrawn == null ? null : withdrawn.toInstant(), List.of((String[]) rs.getArray(4).getArray()));
				}).optional()
				.orElse(new Verification("UNKNOWN", stored.get(), null, null, null, null, List.of()));
	}
}
