package org.tipx.cases.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.cases.internal.ReferralView;
import org.tipx.cases.internal.Referrals;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;

/**
 * The referral inbox: referrals sent to the organisation, those waiting for an answer first, each accepted, declined
 * with a reason or marked done; and the outgoing tab, where the sender revokes one with a reason. A referral the
 * organisation is not a party to answers the 404 page.
 */
@Controller
@RequestMapping("/referrals")
@Allowed.CaseWorkers
class ReferralsPage {

	/** The flash attribute naming the referral whose reason was refused, shown beside that referral's field. */
	static final String REFUSED = "refusedReason";

	private final Referrals referrals;

	ReferralsPage(Referrals referrals) {
		this.referrals = referrals;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "incoming") String direction, Model model) {
		boolean outgoing = "outgoing".equals(direction);
		List<ReferralView> found = referrals.list(actor(), outgoing ? "outgoing" : "incoming", null);
		if (!outgoing) {
			// The list comes newest first; a stable sort keeps that order within each group.
			found = found.stream().sorted(Comparator.comparing(r -> !"SENT".equals(r.state()))).toList();
		}
		model.addAttribute("outgoing", outgoing);
		model.addAttribute("referrals", found);
		return "cases/referrals";
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable UUID id, RedirectAttributes redirect) {
		return step(id, "accepted", redirect, () -> referrals.accept(actor(), id));
	}

	@PostMapping("/{id}/decline")
	String decline(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(id, "declined", redirect, () -> referrals.decline(actor(), id, reason));
	}

	@PostMapping("/{id}/complete")
	String complete(@PathVariable UUID id, RedirectAttributes redirect) {
		return step(id, "completed", redirect, () -> referrals.complete(actor(), id));
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(id, "revoked", redirect, () -> referrals.revoke(actor(), id, reason));
	}

	private String step(UUID id, String done, RedirectAttributes redirect, Supplier<ReferralView> move) {
		ReferralView moved;
		try {
			moved = move.get();
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute(REFUSED, Map.of("id", id, "key", "cases.referrals.reasonRequired"));
			return "redirect:/referrals" + ("revoked".equals(done) ? "?direction=outgoing" : "") + "#referral-" + id;
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("cases.referrals.alreadyMoved"));
			return "redirect:/referrals" + ("revoked".equals(done) ? "?direction=outgoing" : "");
		}
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
				Confirmation.of("cases.referrals." + done, moved.caseReference()));
		return "redirect:/referrals" + ("revoked".equals(done) ? "?direction=outgoing" : "") + "#referral-" + id;
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}
}
