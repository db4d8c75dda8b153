package org.tipx.signals.blindmatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.RateLimitedException;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.Lookups;

/**
 * "Do you know any of these?" without the list (ADR 0033). The caller sends keyed values made with its
 * organisation's key ({@link BlindMatchScheme}); tipx keys every value it holds the same way and answers only those
 * that match and that sit in reports the caller may see, as a lookup would show them. What the caller sent is
 * compared in memory and forgotten: not stored, not logged, and audited only as counts.
 */
@Service
public class BlindMatching {

	/** The most keyed values one request may carry. */
	public static final int MAX_VALUES = 10_000;

	/**
	 * The most keyed values one organisation may ask about per hour: a blind match answers what a lookup would, so it
	 * must not become a way round the lookups' rate limit to probe what exists (ADR 0033).
	 */
	public static final int MAX_VALUES_PER_HOUR = 50_000;

	private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

	private final BlindMatchKeys keys;

	private final JdbcClient jdbc;

	private final ReportStore store;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	BlindMatching(BlindMatchKeys keys, JdbcClient jdbc, ReportStore store, Directory directory, AuditTrail audit,
			Clock clock) {
		this.keys = keys;
		this.jdbc = jdbc;
		this.store = store;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** The caller's organisation's key, which its client hashes with; audited. */
	public Key key(Viewer viewer) {
		byte[] key = keys.of(viewer.organisationId());
		audit.record(AuditRecord.success("signals.blind_match.key", "organisation", viewer.organisationId()));
		return new Key(BlindMatchScheme.NAME, keys.keyId(), Base64.getUrlEncoder().withoutPadding().encodeToString(key));
	}

	public Answer match(Viewer viewer, List<String> keyedValues) {
		if (keyedValues == null || keyedValues.isEmpty()) {
			throw new InvalidInputException("hashes", "is required: at least one keyed value");
		}
		if (keyedValues.size() > MAX_VALUES) {
			throw new InvalidInputException("hashes", "must hold at most " + MAX_VALUES + " keyed values");
		}
		Set<String> asked = new LinkedHashSet<>();
		for (int i = 0; i < keyedValues.size(); i++) {
			String value = keyedValues.get(i);
			if (value == null || !BlindMatchScheme.KEYED_VALUE.matcher(value).matches()) {
				// the value itself is not echoed: the answer says where, not what
				throw new InvalidInputException("hashes[" + i + "]",
						"must be 43 characters of base64url (an HMAC-SHA-256 under scheme " + BlindMatchScheme.NAME + ")");
			}
			asked.add(value);
		}
		spend(viewer.organisationId(), asked.size());
		byte[] key = keys.of(viewer.organisationId());
		Map<String, ValueKey> held = new HashMap<>();
		jdbc.sql("SELECT type, canonical FROM signals_value").query(rs -> {
			IndicatorType type = IndicatorType.fromWire(rs.getString(1)).orElse(null);
			if (type != null) {
				String keyed = BlindMatchScheme.keyed(key, type, rs.getString(2));
				if (asked.contains(keyed)) {
					held.put(keyed, new ValueKey(type, rs.getString(2)));
				}
			}
		});
		Instant now = clock.instant();
		Map<UUID, String> names = new HashMap<>();
		List<Match> matches = new ArrayList<>();
		for (String keyed : asked) {
			ValueKey value = held.get(keyed);
			if (value == null) {
				continue;
			}
			List<Lookups.Match> reports = store.holding(value).stream().filter(r -> viewer.sees(r, now))
					.sorted(Comparator.comparing(StoredReport::observedAt).reversed())
					.map(r -> new Lookups.Match(r.id(), r.title(),
							names.computeIfAbsent(r.organisationId(), this::organisationName), r.reporterCountry(),
							r.tlp().name(), r.observedAt()))
					.toList();
			if (!reports.isEmpty()) {
				matches.add(new Match(keyed, value.type().wire(), value.canonical(), reports));
			}
		}
		audit.record(new AuditRecord("signals.blind_match", "signal_value", asked.size() + " keyed values",
				AuditRecord.Outcome.SUCCESS, "matches visible=" + matches.size()));
		return new Answer(BlindMatchScheme.NAME, asked.size(), matches);
	}

	/** A fixed one-hour window per organisation. */
	private void spend(UUID organisation, int count) {
		long hour = clock.instant().getEpochSecond() / 3600;
		Window window = windows.compute(organisation, (k, w) -> w == null || w.hour() != hour ? new Window(hour, count)
				: new Window(hour, w.used() + count));
		if (window.used() > MAX_VALUES_PER_HOUR) {
			audit.record(AuditRecord.denied("signals.blind_match", "signal_value", count + " keyed values",
					"rate limit exceeded"));
			throw new RateLimitedException("Too many blind matches: at most " + MAX_VALUES_PER_HOUR
					+ " keyed values per hour per organisation",
					Duration.ofSeconds(3600 - clock.instant().getEpochSecond() % 3600));
		}
	}

	private record Window(long hour, int used) {
	}

	private String organisationName(UUID id) {
		return directory.organisation(new OrganisationId(id)).map(Organisation::name).orElse("(unknown)");
	}

	/** An organisation's blind-match key, base64url. */
	public record Key(String scheme, String keyId, String key) {
	}

	/**
	 * The answer: how many distinct keyed values were asked about, and the ones tipx holds in reports the caller
	 * may see, each with its type and canonical form (which the caller already has) and those reports.
	 */
	public record Answer(String scheme, int asked, List<Match> matches) {
	}

	public record Match(String hash, String type, String canonical, List<Lookups.Match> reports) {
	}
}
