package org.tipx.recruitment.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipx.recruitment.Assessment;
import org.tipx.recruitment.Caller;
import org.tipx.recruitment.Posting;
import org.tipx.recruitment.PostingScorer;

import com.google.common.hash.Hashing;

/**
 * Polls sources: on schedule (every source whose interval has passed, each on its own so that one failing, slow or
 * enormous source never stops the others) and on demand ("poll now"). New postings are scored for the source's
 * organisation with no account, grouped with their near-duplicates (MinHash), stored, and a flagged one raises an
 * alert for its group. A failure is recorded on its source (last error and time) and logged with the source's id,
 * never with what the source answered.
 */
@Service
public class Polling {

	private static final Logger log = LoggerFactory.getLogger(Polling.class);

	private final Sources sources;

	private final FeedFetch fetch;

	private final CsvFolder csv;

	private final ObjectProvider<PostingScorer> scorer;

	private final MonitoredPostings postings;

	private final OperatingThresholds thresholds;

	private final FlaggedAlerts alerts;

	private final MonitoringSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Set<UUID> polling = ConcurrentHashMap.newKeySet();

	Polling(Sources sources, FeedFetch fetch, CsvFolder csv, ObjectProvider<PostingScorer> scorer, MonitoredPostings postings,
			OperatingThresholds thresholds, FlaggedAlerts alerts, MonitoringSettings settings,
			TransactionTemplate transaction, Clock clock) {
		this.sources = sources;
		this.fetch = fetch;
		this.csv = csv;
		this.scorer = scorer;
		this.postings = postings;
		this.thresholds = thresholds;
		this.alerts = alerts;
		this.settings = settings;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tipx.monitoring.tick:PT30S}", initialDelayString = "${tipx.monitoring.tick:PT30S}")
	void pollDue() {
		for (Source source : sources.due(clock.instant())) {
			try {
				poll(source);
			}
			catch (RuntimeException e) {
				// a bug in one source's handling must not stop the round
				log.error("poll of recruitment source {} failed unexpectedly: {}", source.id(), e.getClass().getName());
			}
		}
	}

	/** Polls the source now; a source already being polled answers an outcome saying so. */
	public PollOutcome poll(Source source) {
		Instant now = clock.instant();
		if (!polling.add(source.id())) {
			return new PollOutcome(source.id(), now, 0, 0, 0, 0, "a poll of this source is already running");
		}
		try {
			List<Posting> read;
			try {
				read = source.kind() == SourceKind.CSV ? csv.read(source.location(), source.fieldMapping())
						: FeedReading.read(source.kind(), fetch.fetch(source.location()), source.fieldMapping());
			}
			catch (FeedFailure failure) {
				return failed(source, now, failure.getMessage());
			}
			Map<String, Posting> fresh = fresh(source, read);
			if (fresh.isEmpty()) {
				sources.succeeded(source.id(), now, 0);
				return new PollOutcome(source.id(), now, read.size(), 0, 0, 0, null);
			}
			List<Posting> batch = List.copyOf(fresh.values());
			List<Assessment> assessed;
			PostingScorer engine = scorer.getIfAvailable();
			if (engine == null) {
				// an installation without the scoring engine keeps its sources and takes the postings later
				return failed(source, now, "no scoring engine is installed");
			}
			try {
				assessed = engine.score(batch, new Caller(source.organisationId(), Optional.empty()));
				if (assessed.size() != batch.size()) {
					throw new IllegalStateException("the scorer answered " + assessed.size() + " for " + batch.size());
				}
			}
			catch (RuntimeException e) {
				log.warn("scoring the postings of recruitment source {} failed: {}", source.id(),
						e.getClass().getName());
				return failed(source, now, "the postings could not be scored");
			}
			int flagged = 0;
			int grouped = 0;
			List<String> keys = List.copyOf(fresh.keySet());
			for (int i = 0; i < batch.size(); i++) {
				Stored stored = store(source, keys.get(i), batch.get(i), assessed.get(i), now);
				flagged += stored.flagged() ? 1 : 0;
				grouped += stored.posting().duplicateOf() != null ? 1 : 0;
			}
			sources.succeeded(source.id(), now, batch.size());
			return new PollOutcome(source.id(), now, read.size(), batch.size(), flagged, grouped, null);
		}
		finally {
			polling.remove(source.id());
		}
	}

	private PollOutcome failed(Source source, Instant now, String error) {
		log.warn("recruitment source {} could not be polled: {}", source.id(), error);
		sources.failed(source.id(), now, error);
		return new PollOutcome(source.id(), now, 0, 0, 0, 0, error);
	}

	/** The postings this source has not delivered before, by key, at most the limit per poll. */
	private Map<String, Posting> fresh(Source source, List<Posting> read) {
		Map<String, Posting> byKey = new LinkedHashMap<>();
		for (Posting posting : read) {
			byKey.putIfAbsent(key(posting), posting);
		}
		Set<String> known = postings.known(source.id(), byKey.keySet());
		Map<String, Posting> fresh = new LinkedHashMap<>();
		for (Map.Entry<String, Posting> e : byKey.entrySet()) {
			if (!known.contains(e.getKey()) && fresh.size() < settings.maxPostings()) {
				fresh.put(e.getKey(), e.getValue());
			}
		}
		return fresh;
	}

	/** The source's own id for the posting, or a hash of its text when it gives none. */
	static String key(Posting p) {
		if (p.id() != null && !p.id().isBlank()) {
			String id = p.id().strip();
			return "id:" + (id.length() > 500 ? Hashing.sha256().hashString(id, StandardCharsets.UTF_8) : id);
		}
		String text = String.join("\u0000", String.valueOf(p.title()), String.valueOf(p.description()),
				String.valueOf(p.company()), String.valueOf(p.contact()), String.valueOf(p.url()));
		return "sha256:" + Hashing.sha256().hashString(text, StandardCharsets.UTF_8);
	}

	private Stored store(Source source, String key, Posting posting, Assessment assessment, Instant now) {
		String text = String.join("\n", nonNull(posting.title()), nonNull(posting.description()),
				nonNull(posting.company()));
		int[] signature = MinHash.signature(text);
		long[] bands = MinHash.bands(signature);
		return transaction.execute(status -> {
			MonitoredPostings.Candidate best = null;
			double similarity = 0;
			if (!MinHash.words(text).isEmpty()) {
				for (MonitoredPostings.Candidate candidate : postings.candidates(source.organisationId(), bands)) {
					double s = MinHash.similarity(signature, candidate.signature());
					if (s >= MinHash.NEAR_DUPLICATE && s > similarity) {
						best = candidate;
						similarity = s;
					}
				}
			}
			UUID id = UUID.randomUUID();
			StoredPosting stored = new StoredPosting(id, source.organisationId(), source.id(), key, posting,
					assessment.reasons(), assessment.riskScore(), assessment.flagged(), assessment.language(),
					assessment.error(), best == null ? id : best.groupId(), best == null ? null : best.id(),
					best == null ? null : similarity, now);
			postings.insert(stored, signature, bands);
			boolean flagged = assessment.error() == null && thresholds.flagged(source.organisationId(), assessment);
			if (flagged) {
				alerts.raise(stored, now);
			}
			return new Stored(stored, flagged);
		});
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

	private record Stored(StoredPosting posting, boolean flagged) {
	}

}
