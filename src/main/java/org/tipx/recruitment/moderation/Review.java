package org.tipx.recruitment.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.recruitment.Posting;
import org.tipx.recruitment.monitoring.FlaggedAlerts;
import org.tipx.recruitment.monitoring.MonitoredPostings;
import org.tipx.recruitment.monitoring.OperatingThresholds;
import org.tipx.recruitment.monitoring.Source;
import org.tipx.recruitment.monitoring.Sources;
import org.tipx.recruitment.monitoring.StoredPosting;
import org.tipx.shared.Actor;
import org.tipx.shared.DirectoryNames;
import org.tipx.shared.NotFoundException;
import org.tipx.sharing.InboxState;
import org.tipx.signals.ReportSubmission;

/**
 * What moderators read: the queue of the organisation's flagged, undecided postings (highest risk first), one posting
 * with its evidence, near-duplicates and decisions, and the decided postings as labelled data. Each read of posting
 * text is audited.
 */
@Service
public class Review {

	public static final int QUEUE_LIMIT = 200;

	/** The posting's fields in the order pages show them. */
	public static final List<String> FIELDS = List.of("title", "description", "company", "location", "salary",
			"contact", "url", "platform");

	private final MonitoredPostings postings;

	private final PostingDecisions decisions;

	private final OperatingThresholds thresholds;

	private final FlaggedAlerts alerts;

	private final Sources sources;

	private final DirectoryNames names;

	private final AuditTrail audit;

	Review(MonitoredPostings postings, PostingDecisions decisions, OperatingThresholds thresholds, FlaggedAlerts alerts,
			Sources sources, DirectoryNames names, AuditTrail audit) {
		this.postings = postings;
		this.decisions = decisions;
		this.thresholds = thresholds;
		this.alerts = alerts;
		this.sources = sources;
		this.names = names;
		this.audit = audit;
	}

	@Transactional
	public Queue queue(Actor actor) {
		UUID organisation = actor.organisationId();
		Optional<OperatingThresholds.Calibrated> threshold = thresholds.of(organisation);
		List<StoredPosting> flagged = postings.flaggedUndecided(organisation,
				threshold.map(OperatingThresholds.Calibrated::threshold).orElse(null), QUEUE_LIMIT);
		Map<UUID, Integer> sizes = postings.groupSizes(organisation,
				flagged.stream().map(StoredPosting::groupId).collect(Collectors.toSet()));
		Map<UUID, String> sourceNames = sourceNames(organisation);
		audit.record(AuditRecord.success("moderation.queue.read", "recruitment_posting", organisation)
				.withDetail("postings=" + flagged.size()));
		List<Entry> entries = flagged.stream().map(p -> new Entry(p, sizes.getOrDefault(p.groupId(), 1),
				sourceNames.get(p.sourceId()))).toList();
		return new Queue(entries, threshold, alerts.of(organisation, InboxState.NEW, 100).size());
	}

	@Transactional
	public PostingView posting(Actor actor, UUID id) {
		StoredPosting posting = postings.find(actor.organisationId(), id)
				.orElseThrow(() -> new NotFoundException("posting " + id));
		audit.record(AuditRecord.success("moderation.posting.read", "recruitment_posting", id));
		List<Decision> history = decisions.ofPosting(actor.organisationId(), id);
		Map<UUID, String> usernames = names.usernames(history.stream().map(Decision::decidedBy).toList());
		Map<String, List<Highlighting.Segment>> fields = new LinkedHashMap<>();
		for (String field : FIELDS) {
			String text = text(posting.posting(), field);
			if (text != null) {
				fields.put(field, Highlighting.of(field, text, posting.reasons()));
			}
		}
		List<StoredPosting> group = postings.group(actor.organisationId(), posting.groupId()).stream()
				.filter(p -> !p.id().equals(id)).toList();
		return new PostingView(posting, fields, history, usernames, group, Contacts.of(posting.posting()),
				sourceNames(actor.organisationId()).get(posting.sourceId()),
				thresholds.of(actor.organisationId()).map(c -> posting.riskScore() != null
						&& posting.riskScore() >= c.threshold()).orElse(posting.engineFlagged()));
	}

	/**
	 * The organisation's decided postings as labelled data: one CSV row per posting with its latest label, score,
	 * language and text. Formula-like cells are quoted so a spreadsheet does not run them.
	 */
	@Transactional
	public String export(Actor actor) {
		UUID organisation = actor.organisationId();
		List<PostingDecisions.Scored> decided = decisions.latestScored(organisation);
		StringBuilder csv = new StringBuilder("posting_id,label,decided_at,risk_score,language,source_id,"
				+ String.join(",", FIELDS) + "\r\n");
		for (PostingDecisions.Scored s : decided) {
			Optional<StoredPosting> found = postings.find(organisation, s.postingId());
			if (found.isEmpty()) {
				continue;
			}
			StoredPosting p = found.get();
			csv.append(p.id()).append(',').append(s.label()).append(',').append(s.decidedAt()).append(',')
					.append(p.riskScore()).append(',').append(cell(p.language())).append(',').append(p.sourceId());
			for (String field : FIELDS) {
				csv.append(',').append(cell(text(p.posting(), field)));
			}
			csv.append("\r\n");
		}
		audit.record(AuditRecord.success("moderation.export", "recruitment_posting", organisation)
				.withDetail("postings=" + decided.size()));
		return csv.toString();
	}

	static String text(Posting p, String field) {
		return switch (field) {
			case "title" -> p.title();
			case "description" -> p.description();
			case "company" -> p.company();
			case "location" -> p.location();
			case "salary" -> p.salary();
			case "contact" -> p.contact();
			case "url" -> p.url();
			case "platform" -> p.platform();
			default -> null;
		};
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String v = value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		return "\"" + v.replace("\"", "\"\"") + "\"";
	}

	private Map<UUID, String> sourceNames(UUID organisation) {
		return sources.ofOrganisation(organisation).stream()
				.collect(Collectors.toMap(Source::id, Source::name, (a, b) -> a));
	}

	/** The queue: entries highest risk first, the threshold in force (empty: the engine's), new alerts. */
	public record Queue(List<Entry> entries, Optional<OperatingThresholds.Calibrated> threshold, int newAlerts) {
	}

	/** A flagged posting in the queue, how many postings its group holds, and its source's name. */
	public record Entry(StoredPosting posting, int groupSize, String sourceName) {
	}

	/** One posting as its page shows it. */
	public record PostingView(StoredPosting posting, Map<String, List<Highlighting.Segment>> fields,
			List<Decision> decisions, Map<UUID, String> usernames, List<StoredPosting> nearDuplicates,
			List<ReportSubmission.Identifier> contacts, String sourceName, boolean flagged) {

		public Optional<Decision> latest() {
			return decisions.stream().findFirst();
		}

		public boolean fileable() {
			return latest().filter(d -> d.label() == Label.FRAUD && d.reportId() == null).isPresent();
		}
	}
}
