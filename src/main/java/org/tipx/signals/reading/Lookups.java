package org.tipx.signals.reading;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Organisation;
import org.tipx.shared.RateLimitedException;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.shared.CountryCode;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.correlation.Standing;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.SignalsSettings;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;

/**
 * "Who else has seen this?": canonicalises a value and lists the visible active reports that hold it. Audited (the
 * answer is returned only once its audit entry is committed, ADR 0023), and rate-limited per caller (each account, each machine token) so that lookups cannot be used to probe what exists.
 */
@Service
public class Lookups {

	private final ReportStore store;

	private final Canonicalisers canonicalisers;

	private final Standing standing;

	private final KnownOrganisations organisations;

	private final SignalsSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	/** Types whose reading depends on a country: local phone numbers, bank accounts, phone-number handles. */
	private static final java.util.Set<IndicatorType> READ_WITH_COUNTRY = java.util.EnumSet.of(IndicatorType.PHONE,
			IndicatorType.BANK_ACCOUNT, IndicatorType.MESSAGING_HANDLE);

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	Lookups(ReportStore store, Canonicalisers canonicalisers, Standing standing, KnownOrganisations organisations,
			SignalsSettings settings, AuditTrail audit, Clock clock) {
		this.store = store;
		this.canonicalisers = canonicalisers;
		this.standing = standing;
		this.organisations = organisations;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Not in a transaction (ADR 0029): each value is one indexed read, and a read-only transaction around them cost a
	 * commit round trip and held a connection while the audit entry was being committed, for no consistency a reader
	 * could notice (reports visible a moment earlier or later).
	 *
	 * @param caller the caller's {@link org.tipx.shared.Actor#identity() identity}, which keys the rate limit: never a
	 *               name, which two organisations' tokens may share
	 */
	public List<Answer> lookup(Viewer viewer, String caller, List<RawIndicator> values) {
		spend(caller, values.size());
		Instant now = clock.instant();
		List<Answer> answers = new ArrayList<>();
		int found = 0;
		CountryCode home = countryOf(viewer);
		for (RawIndicator asked : values) {
			RawIndicator value = asked;
			String assumed = null;
			if (asked.country() == null && home != null && READ_WITH_COUNTRY.contains(asked.type())) {
				value = new RawIndicator(asked.type(), asked.value(), asked.platform(), asked.chain(), home);
				assumed = home.value();
			}
			Canonical canonical = canonicalisers.canonicalise(value);
			if (assumed != null && readsTheSameWithout(asked, canonical)) {
				assumed = null;
			}
			List<Match> matches = List.of();
			Standing.Of of = Standing.Of.CLEAR;
			if (canonical.valid()) {
				ValueKey key = new ValueKey(value.type(), canonical.canonical());
				of = standing.of(viewer, key);
				matches = store.holding(key).stream().filter(r -> viewer.sees(r, now))
						.sorted(Comparator.comparing(StoredReport::observedAt).reversed())
						.map(r -> new Match(r.id(), r.title(), organisationName(r.organisationId()), r.reporterCountry(),
								r.tlp().name(), r.observedAt()))
						.toList();
			}
			found += matches.size();
			answers.add(new Answer(value.type().wire(), value.value(), canonical.canonical(), canonical.valid(),
					canonical.reason(), assumed, of.warningReason(), of.warningListed(), of.warningReason(), of.flagged(),
					of.flagReason(), matches));
		}
		audit.record(new AuditRecord("signals.lookup", "signal_value",
				values.size() == 1 ? answers.get(0).canonical() : values.size() + " values", AuditRecord.Outcome.SUCCESS,
				"matches visible=" + found));
		return answers;
	}

	/** Whether the country made no difference ("+855 …", a Telegram name): then none is said to be assumed. */
	private boolean readsTheSameWithout(RawIndicator asked, Canonical withCountry) {
		Canonical without = canonicalisers.canonicalise(asked);
		return without.valid() == withCountry.valid() && without.canonical().equals(withCountry.canonical());
	}

	/**
	 * The country a value without one is read in: the caller's organisation's, since a local number is most often
	 * typed by someone of that country. Null when the organisation is unknown (a machine token of a removed one).
	 */
	private CountryCode countryOf(Viewer viewer) {
		return organisations.of(viewer.organisationId()).map(Organisation::country)
				.orElse(null);
	}

	private String organisationName(UUID id) {
		return organisations.of(id).map(Organisation::name).orElse("(unknown)");
	}

	/** A fixed one-minute window per caller; simple, and enough to stop enumeration. */
	private void spend(String caller, int count) {
		long minute = clock.instant().getEpochSecond() / 60;
		Window window = windows.compute(caller, (k, w) -> w == null || w.minute() != minute ? new Window(minute, count)
				: new Window(minute, w.used() + count));
		if (window.used() > settings.lookupsPerMinute()) {
			audit.record(AuditRecord.denied("signals.lookup", "signal_value", null, "rate limit exceeded"));
			throw new RateLimitedException("Too many lookups: at most " + settings.lookupsPerMinute()
					+ " values per minute per account", java.time.Duration.ofSeconds(60 - clock.instant().getEpochSecond() % 60));
		}
	}

	private record Window(long minute, int used) {
	}

	/**
	 * The answer for one looked-up value.
	 *
	 * @param assumedCountry the country the value was read in when none was given (the caller's organisation's), or
	 *                       null when one was given or the reading does not depend on it
	 * @param warningList    the warning list's note (kept for older clients; the same as {@code warningReason})
	 * @param flagged        whether the automatic cap flagged the value and the flag is in effect for the caller, who
	 *                       sees more holders than the cap (see {@link Standing})
	 * @param flagReason     what is said of a flagged value, the same for everyone: never how many reports hold it
	 */
	public record Answer(String type, String input, String canonical, boolean valid, String reason,
			String assumedCountry, String warningList, boolean warningListed, String warningReason, boolean flagged,
			String flagReason, List<Match> reports) {
	}

	/** A visible report holding the value. */
	public record Match(UUID id, String title, String organisation, String country, String tlp, Instant observedAt) {
	}
}
