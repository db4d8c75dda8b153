package org.tipx.screening.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.screening.internal.Notices;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * Notices from screenings abroad, for the focal points of the person's country of nationality: the determination and
 * the coded profile, never the identifying answers.
 */
@RestController
@RequestMapping("/api/v1/screenings/notices")
@Allowed.FocalPoint
@Tag(name = "screening")
class NoticeController {

	private final Notices notices;

	NoticeController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping
	@Operation(summary = "Notices to your organisation from screenings of its nationals abroad, newest first (at most 200)")
	List<Notices.NoticeView> received() {
		return notices.received(Actor.current().orElseThrow());
	}

	@PostMapping("/{id}/acknowledge")
	@Operation(summary = "Acknowledge a notice to your organisation")
	ResponseEntity<Void> acknowledge(@PathVariable UUID id) {
		notices.acknowledge(Actor.current().orElseThrow(), id);
		return ResponseEntity.noContent().build();
	}
}
