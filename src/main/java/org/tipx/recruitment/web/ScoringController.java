package org.tipx.recruitment.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.recruitment.Assessment;
import org.tipx.recruitment.Caller;
import org.tipx.recruitment.Posting;
import org.tipx.recruitment.PostingScorer;
import org.tipx.recruitment.monitoring.OperatingThresholds;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/v1/recruitment/score}: up to 1,000 postings scored in one call, answered in the same order. A bad
 * posting gets its own entry with {@code error}; a bad request as a whole (not an array, too many) is a 400 problem,
 * a body over the JSON limit a 413 and invalid UTF-8 a 400 (both from the platform's JSON guard). Nothing is stored.
 */
@RestController
@RequestMapping("/api/v1/recruitment/score")
@Tag(name = "recruitment")
class ScoringController {

	static final int MAX_POSTINGS = 1000;

	private final PostingScorer scorer;

	private final AuditTrail audit;

	private final OperatingThresholds thresholds;

	ScoringController(PostingScorer scorer, AuditTrail audit, OperatingThresholds thresholds) {
		this.scorer = scorer;
		this.audit = audit;
		this.thresholds = thresholds;
	}

	@PostMapping(consumes = "application/json")
	@Allowed.RecruitmentScorers
	@Operation(summary = "Score up to 1,000 job postings for recruitment fraud, with the evidence quoted from each")
	List<Assessment> score(@RequestBody(required = false) byte[] body) {
		List<PostingsJson.Entry> entries = PostingsJson.read(body == null ? new byte[0] : body);
		if (entries.isEmpty()) {
			throw new InvalidInputException("postings", "a JSON array of at least one posting is required");
		}
		if (entries.size() > MAX_POSTINGS) {
			throw new InvalidInputException("postings",
					"at most " + MAX_POSTINGS + " postings per request (got " + entries.size() + ")");
		}
		Actor actor = Actor.current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not authenticated"));
		List<Posting> readable = entries.stream().filter(e -> e.posting() != null).map(PostingsJson.Entry::posting).toList();
		// flagged at the organisation's own threshold once moderation has recalibrated it, else the engine's
		Iterator<Assessment> scored = thresholds.applied(actor.organisationId(), scorer.score(readable, Caller.of(actor)))
				.iterator();
		List<Assessment> assessments = new ArrayList<>(entries.size());
		for (PostingsJson.Entry entry : entries) {
			assessments.add(entry.posting() != null ? scored.next()
					: new Assessment(entry.id(), null, false, null, List.of(), entry.problem()));
		}
		long flagged = assessments.stream().filter(Assessment::flagged).count();
		long refused = assessments.stream().filter(a -> a.error() != null).count();
		audit.record(new AuditRecord("recruitment.score", "job_posting", entries.size() + " postings",
				AuditRecord.Outcome.SUCCESS, "flagged=" + flagged + " refused=" + refused));
		return assessments;
	}
}
