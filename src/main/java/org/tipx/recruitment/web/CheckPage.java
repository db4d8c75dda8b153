package org.tipx.recruitment.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipx.recruitment.Assessment;
import org.tipx.recruitment.Caller;
import org.tipx.recruitment.Posting;
import org.tipx.recruitment.PostingScorer;
import org.tipx.recruitment.Reason;
import org.tipx.recruitment.monitoring.OperatingThresholds;
import org.tipx.shared.Actor;

/**
 * The single-posting check: a moderator or analyst pastes a posting and sees its score, whether it is flagged, its
 * language and the reasons, with the evidence highlighted in the text. Same scorer as the API; nothing is stored.
 * The text is shown through escaped pieces only, so markup in a posting never reaches the page as markup.
 */
@Controller
@RequestMapping("/recruitment/check")
@org.tipx.shared.Allowed.PostingCheckers
class CheckPage {

	private final PostingScorer scorer;

	private final OperatingThresholds thresholds;

	CheckPage(PostingScorer scorer, OperatingThresholds thresholds) {
		this.scorer = scorer;
		this.thresholds = thresholds;
	}

	/** A piece of the posting's text, highlighted when it is a reason's evidence. */
	record Piece(String text, String indicator) {
	}

	@GetMapping
	String form() {
		return "recruitment/check";
	}

	@PostMapping
	String check(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			Model model) {
		Posting posting = new Posting("check", title, description, null, null, null, null, null, "check-page");
		Actor actor = Actor.current().orElseThrow();
		Assessment assessment = thresholds.applied(actor.organisationId(),
				scorer.score(List.of(posting), Caller.of(actor))).get(0);
		// not "title": the layout's fragment parameter of that name would shadow it in the page
		model.addAttribute("postingTitle", title);
		model.addAttribute("postingDescription", description);
		model.addAttribute("assessment", assessment);
		if (assessment.error() == null) {
			model.addAttribute("titlePieces", pieces(title, "title", assessment.reasons()));
			model.addAttribute("descriptionPieces", pieces(description, "description", assessment.reasons()));
		}
		return "recruitment/check";
	}

	static List<Piece> pieces(String text, String field, List<Reason> reasons) {
		List<Piece> pieces = new ArrayList<>();
		if (text == null) {
			return pieces;
		}
		List<Reason> spans = reasons.stream().filter(r -> field.equals(r.field()) && r.start() >= 0)
				.sorted(Comparator.comparingInt(Reason::start)).toList();
		int at = 0;
		for (Reason r : spans) {
			if (r.start() < at || r.end() > text.length()) {
				continue;
			}
			if (r.start() > at) {
				pieces.add(new Piece(text.substring(at, r.start()), null));
			}
			pieces.add(new Piece(text.substring(r.start(), r.end()), r.indicator()));
			at = r.end();
		}
		if (at < text.length()) {
			pieces.add(new Piece(text.substring(at), null));
		}
		return pieces;
	}
}
