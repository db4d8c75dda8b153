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
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.RateLimitedException;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.correlation.WarningList;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.SignalsSettings;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;

/**
 * "Who else has seen this?": canonicalises a value and lists the visible active reports that hold it. Audited, and
 * rate-limited per caller (each account, each machine token) so that lookups cannot be used to probe what exists.
 */
@Service
public class Lookups {

	private final ReportStore store;

	private final Canonicalisers canonicalisers;

	private final WarningList warningList;

	private final Directory directory;

	private final SignalsSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	Lookups(ReportStore store, Canonicalisers canonicalisers, WarningList warningList, Directory directory,
			SignalsSettings settings, AuditTrail audit, Clock clock) {
		this.store = store;
		this.canonicalisers = canonicalisers;
		this.warningList = warningList;
		this.directory = directory;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param caller the caller's {@link org.tipx.shared.Actor#identity() identity}, which keys the rate limit: never a
	 *               name, which two organisations' tokens may share
	 */
	@Transactional(readOnly = true)
	public List<Answer> lookup(Viewer viewer, String caller, List<RawIndicator> values) {
		spend(caller, values.size());
		Instant now = clock.instant();
		List<Answer> answers = new ArrayList<>();
		int found = 0;
		for (RawIndicator value : values) {
			Canonical canonical = canonicalisers.canonicalise(value);
			List<Match> matches = List.of();
			String warning = null;
			if (canonical.valid()) {
				ValueKey key = new ValueKey(value.type(), canonical.canonical());
				warning = warningList.match(key).map(WarningList.Entry::note).orElse(null);
				matches = store.holding(key).stream().filter(r -> viewer.sees(r, now))
						.sorted(Comparator.comparing(StoredReport::observedAt).reversed())
						.map(r -> new Match(r.id(), r.title(), organisationName(r.organisationId()), r.reporterCountry(),
								r.tlp().name(), r.observedAt()))
						.toList();
			}
			found += matches.size();
			answers.add(new Answer(value.type().wire(), value.value(), canonical.canonical(), canonical.valid(),
					canonical.reason(), warning, matches));
		}
		audit.record(new AuditRecord("signals.lookup", "signal_value",
				values.size() == 1 ? answers.get(0).canonical() : values.size() + " values", AuditRecord.Outcome.SUCCESS,
				"matches visible=" + found));
		return answers;
	}

	private String organisationName(UUID id) {
		return directory.organisation(new OrganisationId(id)).map(Organisation::name).orElse("(unknown)");
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

	/** The answer for one looked-up value. */
	public record Answer(String type, String input, String canonical, boolean valid, String reason, String warningList,
			List<Match> reports) {
	}

	/** A visible report holding the value. */
	public record Match(UUID id, String title, String organisation, String country, String tlp, Instant observedAt) {
	}
}
