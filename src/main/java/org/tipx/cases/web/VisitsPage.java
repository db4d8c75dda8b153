package org.tipx.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.cases.internal.CareHeading;
import org.tipx.cases.internal.RecruitmentRisk;
import org.tipx.cases.internal.Visits;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;

/** A case's follow-up visits, latest first, and the form to record one with its re-recruitment risk check. */
@Controller
@RequestMapping("/cases/{id}/visits")
@Allowed.CaseWorkers
class VisitsPage {

	private final Visits visits;

	private final CareHeading headings;

	private final Clock clock;

	VisitsPage(Visits visits, CareHeading headings, Clock clock) {
		this.visits = visits;
		this.headings = headings;
		this.clock = clock;
	}

	@GetMapping
	String show(@PathVariable UUID id, Model model) {
		Actor actor = Actor.current().orElseThrow();
		model.addAttribute("heading", headings.of(actor, id));
		model.addAttribute("visits", visits.list(actor, id));
		model.addAttribute("today", LocalDate.now(clock).toString());
		model.addAttribute("questions", java.util.Map.of("jobOffers", RecruitmentRisk.JOB_OFFERS, "debtPressure",
				RecruitmentRisk.DEBT_PRESSURE, "recruiterContact", RecruitmentRisk.RECRUITER_CONTACT,
				"intentToMigrate", RecruitmentRisk.INTENT_TO_MIGRATE));
		model.addAttribute("order", java.util.List.of("jobOffers", "debtPressure", "recruiterContact",
				"intentToMigrate"));
		return "care/visits";
	}

	@PostMapping
	String record(@PathVariable UUID id, @RequestParam(required = false) String visitedOn,
			@RequestParam(required = false) String jobOffers, @RequestParam(required = false) String debtPressure,
			@RequestParam(required = false) String recruiterContact,
			@RequestParam(required = false) String intentToMigrate, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		Visits.Visit visit = visits.record(Actor.current().orElseThrow(), id, new Visits.NewVisit(date(visitedOn),
				jobOffers, debtPressure, recruiterContact, intentToMigrate, note));
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, visit.riskTaskId() == null
				? Confirmation.of("care.visits.recorded") : Confirmation.of("care.visits.recordedRising"));
		return "redirect:/cases/" + id + "/visits";
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("visitedOn", "must be a date (yyyy-mm-dd)");
		}
	}
}
