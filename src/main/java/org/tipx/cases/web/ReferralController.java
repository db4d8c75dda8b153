package org.tipx.cases.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.cases.internal.ReferralView;
import org.tipx.cases.internal.Referrals;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * Referrals between organisations: the receiver's inbox (incoming) and the sender's list (outgoing), and each step.
 */
@RestController
@RequestMapping("/api/v1/referrals")
@Allowed.CaseWorkers
@Tag(name = "cases")
class ReferralController {

	private final Referrals referrals;

	ReferralController(Referrals referrals) {
		this.referrals = referrals;
	}

	record Reason(String reason) {
	}

	@GetMapping
	@Operation(summary = "Referrals to (incoming) or from (outgoing) your organisation, newest first (at most 200)")
	Map<String, List<ReferralView>> list(@RequestParam(defaultValue = "incoming") String direction,
			@RequestParam(required = false) String state) {
		return Map.of("items", referrals.list(actor(), direction, state));
	}

	@GetMapping("/{id}")
	ReferralView read(@PathVariable UUID id) {
		return referrals.read(actor(), id);
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept a referral sent to your organisation: its case workers then see the shared fields")
	ReferralView accept(@PathVariable UUID id) {
		return referrals.accept(actor(), id);
	}

	@PostMapping("/{id}/decline")
	@Operation(summary = "Decline a referral sent to your organisation, with a reason")
	ReferralView decline(@PathVariable UUID id, @RequestBody(required = false) Reason reason) {
		return referrals.decline(actor(), id, reason == null ? null : reason.reason());
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Mark an accepted referral as done")
	ReferralView complete(@PathVariable UUID id) {
		return referrals.complete(actor(), id);
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Withdraw a referral your organisation sent (sent or accepted), with a reason")
	ReferralView revoke(@PathVariable UUID id, @RequestBody(required = false) Reason reason) {
		return referrals.revoke(actor(), id, reason == null ? null : reason.reason());
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}
}
