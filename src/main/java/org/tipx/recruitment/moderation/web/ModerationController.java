package org.tipx.recruitment.moderation.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.recruitment.Reason;
import org.tipx.recruitment.moderation.Deciding;
import org.tipx.recruitment.moderation.Decision;
import org.tipx.recruitment.moderation.Review;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The moderation queue as an API, for moderators (the same rules and audit as the pages): the queue, one posting,
 * decisions, filing a fraud decision to the signal exchange, the threshold in force, and the labelled export.
 */
@RestController
@RequestMapping("/api/v1/recruitment/moderation")
@Tag(name = "recruitment")
@Allowed.Moderator
class ModerationController {

	private final Review review;

	private final Deciding deciding;

	ModerationController(Review review, Deciding deciding) {
		this.review = review;
		this.deciding = deciding;
	}

	@GetMapping("/queue")
	@Operation(summary = "Flagged postings not yet decided, highest risk first, with the threshold in force")
	Queue queue() {
		Review.Queue queue = review.queue(actor());
		return new Queue(queue.threshold().map(t -> new Threshold("decisions", t.threshold(), t.f1(), t.decided(),
				t.computedAt())).orElse(new Threshold("engine", null, null, null, null)), queue.newAlerts(),
				queue.entries().stream().map(e -> new Entry(e.posting().id(), e.posting().riskScore(),
						e.posting().language(), e.posting().posting().title(), e.sourceName(), e.groupSize(),
						e.posting().fetchedAt())).toList());
	}

	@GetMapping("/postings/{id}")
	Posting posting(@PathVariable UUID id) {
		Review.PostingView view = review.posting(actor(), id);
		return new Posting(id, view.posting().posting(), view.posting().riskScore(), view.flagged(),
				view.posting().language(), view.posting().reasons(), view.posting().groupId(),
				view.nearDuplicates().stream().map(p -> p.id()).toList(), view.decisions(),
				view.contacts().stream().map(c -> new Contact(c.type().wire(), c.value(),
						c.platform() == null ? null : c.platform().wire())).toList());
	}

	@PostMapping("/postings/{id}/decisions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a decision: FRAUD, LEGITIMATE or UNSURE, with an optional note (sealed)")
	Decision decide(@PathVariable UUID id, @RequestBody DecisionRequest request) {
		return deciding.decide(actor(), id, request == null ? null : request.label(),
				request == null ? null : request.note());
	}

	@PostMapping("/postings/{id}/report")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "File a posting decided as fraud to the signal exchange (TLP default AMBER), once")
	Filed file(@PathVariable UUID id, @RequestBody(required = false) FilingRequest request) {
		return new Filed(deciding.file(actor(), id, request == null ? null : request.tlp()).value());
	}

	@GetMapping("/export")
	@Operation(summary = "The decided postings as labelled CSV (latest label per posting)")
	ResponseEntity<byte[]> export() {
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"labelled-postings.csv\"")
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.body(review.export(actor()).getBytes(StandardCharsets.UTF_8));
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

	record Queue(Threshold threshold, int newAlerts, List<Entry> postings) {
	}

	/** {@code source}: "engine" (its own threshold applies) or "decisions" (recalibrated). */
	record Threshold(String source, Double threshold, Double f1, Integer decided, Instant computedAt) {
	}

	record Entry(UUID id, Double riskScore, String language, String title, String source, int groupSize,
			Instant fetchedAt) {
	}

	record Posting(UUID id, org.tipx.recruitment.Posting posting, Double riskScore, boolean flagged, String language,
			List<Reason> reasons, UUID groupId, List<UUID> nearDuplicates, List<Decision> decisions,
			List<Contact> contacts) {
	}

	record Contact(String type, String value, String platform) {
	}

	record DecisionRequest(String label, String note) {
	}

	record FilingRequest(String tlp) {
	}

	record Filed(UUID reportId) {
	}
}
