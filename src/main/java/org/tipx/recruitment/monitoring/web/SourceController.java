package org.tipx.recruitment.monitoring.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.recruitment.monitoring.PollOutcome;
import org.tipx.recruitment.monitoring.Source;
import org.tipx.recruitment.monitoring.SourceDraft;
import org.tipx.recruitment.monitoring.SourceKeeping;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The organisation's job-posting sources (moderators and organisation administrators): list, add, change, remove,
 * and poll one now. Bad input answers 400 naming each field; another organisation's source answers 404.
 */
@RestController
@RequestMapping("/api/v1/recruitment/sources")
@Tag(name = "recruitment")
@Allowed.SourceKeepers
class SourceController {

	private final SourceKeeping keeping;

	SourceController(SourceKeeping keeping) {
		this.keeping = keeping;
	}

	@GetMapping
	@Operation(summary = "The organisation's sources with the outcome of their last poll")
	List<Source> list() {
		return keeping.list(actor());
	}

	@GetMapping("/{id}")
	Source get(@PathVariable UUID id) {
		return keeping.find(actor(), id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a source: FEED (RSS/Atom), JSON or CSV (a sub-folder of the drop folder)")
	Source add(@RequestBody SourceDraft draft) {
		return keeping.add(actor(), draft);
	}

	@PutMapping("/{id}")
	Source change(@PathVariable UUID id, @RequestBody SourceDraft draft) {
		return keeping.change(actor(), id, draft);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable UUID id) {
		keeping.remove(actor(), id);
	}

	@PostMapping("/{id}/poll")
	@Operation(summary = "Poll the source now and answer what the poll did (its failure is recorded on the source)")
	PollOutcome poll(@PathVariable UUID id) {
		return keeping.pollNow(actor(), id);
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}
}
