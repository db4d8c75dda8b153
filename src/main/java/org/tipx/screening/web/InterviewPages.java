package org.tipx.screening.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.platform.Confirmation;
import org.tipx.screening.internal.ScreeningCatalogue;
import org.tipx.screening.internal.ScreeningDrafts;
import org.tipx.screening.internal.ScreeningDrafts.Draft;
import org.tipx.screening.internal.ScreeningDrafts.Interpreter;
import org.tipx.screening.internal.ScreeningForm;
import org.tipx.screening.internal.WebInterview;
import org.tipx.screening.internal.WebInterview.Group;
import org.tipx.screening.internal.WebInterview.Question;
import org.tipx.screening.internal.WebInterview.Walk;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * The officer's web interview: start one in two languages with or without an interpreter, answer one group per
 * screen (each answer saved at once, the next questions worked out by JavaRosa), pause and resume, and finish, which
 * scores it like any other screening.
 */
@Controller
@RequestMapping("/screenings")
@Allowed.Screener
class InterviewPages {

	private static final String HTMX_REDIRECT = "HX-Redirect";

	private static final List<String> START_FIELDS = List.of("officerLanguage", "intervieweeLanguage",
			"interpreterName");

	private final ScreeningDrafts drafts;

	private final ScreeningCatalogue catalogue;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	InterviewPages(ScreeningDrafts drafts, ScreeningCatalogue catalogue, TransactionTemplate transactions,
			AuditTrail audit) {
		this.audit = audit;
		this.drafts = drafts;
		this.catalogue = catalogue;
		this.transactions = transactions;
	}

	/** The interviews page: start one, and the paused ones (an organisation's administrator sees all of its own). */
	@GetMapping
	@Allowed.ScreeningReaders
	String list(Model model) {
		boolean admin = ScreeningScope.isOrganisationAdmin();
		model.addAttribute("drafts", drafts.paused(actor(), admin));
		model.addAttribute("organisationWide", admin);
		model.addAttribute("screener", ScreeningScope.isScreener());
		return "screening/drafts";
	}

	/** Asks before discarding a paused interview (works without JavaScript). */
	@GetMapping("/drafts/{id}/discard")
	@Allowed.ScreeningReaders
	String discarding(@PathVariable UUID id, Model model) {
		boolean admin = ScreeningScope.isOrganisationAdmin();
		ScreeningDrafts.Paused paused = drafts.paused(actor(), admin).stream()
				.filter(p -> p.draft().id().equals(id)).findFirst()
				.orElseThrow(() -> new NotFoundException("No draft " + id + " you may discard"));
		model.addAttribute("paused", paused);
		return "screening/discard";
	}

	@PostMapping("/drafts/{id}/discard")
	@Allowed.ScreeningReaders
	String discard(@PathVariable UUID id, RedirectAttributes redirect) {
		drafts.discard(actor(), id, ScreeningScope.isOrganisationAdmin());
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("desk.drafts.discarded"));
		return "redirect:/screenings";
	}

	/**
	 * The quick exit: keeps what is on screen of the interview, if one is open, then ends the session, so the next
	 * person at the tablet has to log in; lands on the login page, which says nothing about what was on screen.
	 */
	@PostMapping("/quick-exit")
	String quickExit(@RequestParam(name = "draft", required = false) String draftId,
			@RequestParam(name = "group", required = false) String onScreen,
			@RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
			HttpServletResponse response) {
		Actor actor = actor();
		if (draftId != null) {
			try {
				UUID id = UUID.fromString(draftId);
				transactions.execute(status -> apply(actor, id, "save", onScreen, fields));
			}
			catch (RuntimeException unsaved) {
				// leaving comes first: the last autosave holds the answers
			}
		}
		audit.record(AuditRecord.success("screening.quick-exit", "account", actor.accountId().orElse(null)));
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		new CookieClearingLogoutHandler("TIPX_SESSION").logout(request, response, authentication);
		return "redirect:/login";
	}

	@GetMapping("/new")
	String starting(Model model, Locale locale) {
		ScreeningForm form = catalogue.current();
		String officer = form.language(locale.getLanguage()).map(l -> l.code()).orElse("en");
		model.addAttribute("start", new Start(officer, "", "none", "", ""));
		return showStart(model);
	}

	@PostMapping("/new")
	String start(@ModelAttribute("start") Start start, BindingResult result, Model model) {
		Draft draft;
		try {
			Interpreter interpreter = "person".equals(start.interpreter())
					? new Interpreter(start.interpreterName(), start.interpreterOrganisation()) : null;
			draft = drafts.start(actor(), start.officerLanguage(), start.intervieweeLanguage(), interpreter);
		}
		catch (InvalidInputException refused) {
			refused.errors().forEach(error -> {
				String code = "screening.interview.start." + error.field() + ".rejected";
				if (START_FIELDS.contains(error.field())) {
					result.rejectValue(error.field(), code, error.message());
				}
				else {
					result.reject(code, error.message());
				}
			});
			return showStart(model);
		}
		return "redirect:/screenings/drafts/" + draft.id();
	}

	@GetMapping("/drafts/{id}")
	String interview(@PathVariable UUID id, Model model) {
		Draft draft = drafts.read(actor(), id);
		Walk walk = walk(draft, draft.answers());
		return show(model, draft, walk, walk.position(draft.currentGroup()), false, List.of());
	}

	/**
	 * Saves the answers of the group on screen and, as {@code move} says, stays ({@code save}), moves on when the
	 * engine accepts the group ({@code next}), goes back, pauses or finishes.
	 */
	@PostMapping("/drafts/{id}")
	String answer(@PathVariable UUID id, @RequestParam(defaultValue = "save") String move,
			@RequestParam(name = "group", required = false) String onScreen,
			@RequestParam MultiValueMap<String, String> fields, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Actor actor = actor();
		Step step = transactions.execute(status -> apply(actor, id, move, onScreen, fields));
		List<String> refusals = List.of();
		if ("pause".equals(move)) {
			return leave("/screenings", Confirmation.of("screening.interview.paused"), request, response, redirect);
		}
		if (step.finishing()) {
			try {
				UUID screening = drafts.finish(actor, id).screening().id();
				return leave("/screenings/" + screening, null, request, response, redirect);
			}
			catch (InvalidInputException refused) {
				refusals = refused.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
			}
		}
		if (!isHtmx(request) && !step.checked() && refusals.isEmpty()) {
			return "redirect:/screenings/drafts/" + id;
		}
		model.addAttribute("moved", step.moved());
		return show(model, step.draft(), step.walk(), step.position(), step.checked(), refusals);
	}

	/**
	 * Applies the answers to the group the page showed (which a late autosave may no longer be the draft's) with the
	 * draft held, so answers sent at once are applied one after the other.
	 */
	private Step apply(Actor actor, UUID id, String move, String onScreen, MultiValueMap<String, String> fields) {
		Draft draft = drafts.lock(actor, id);
		Walk before = walk(draft, draft.answers());
		Group shown = before.groups().get(before.position(onScreen != null ? onScreen : draft.currentGroup()));
		Map<String, String> answers = new LinkedHashMap<>(draft.answers());
		ScreeningForm form = catalogue.form(ScreeningCatalogue.FORM_ID, draft.formVersion());
		for (Question question : shown.questions()) {
			if (question.kind().note()) {
				continue;
			}
			List<String> posted = fields.getOrDefault(question.name(), List.of());
			// a choice may be typed (a country's name, "kh"): stored as the choice's value, the code
			String given = question.kind().choice()
					? form.choiceValues(question.name(), String.join(", ", posted).strip())
					: String.join(" ", posted).strip();
			if (given.isEmpty()) {
				answers.remove(question.name());
			}
			else {
				answers.put(question.name(), given);
			}
		}
		Walk after = walk(draft, answers);
		int position = after.position(shown.name());
		Group current = after.groups().get(position);
		boolean last = position == after.groups().size() - 1;
		boolean checked = false;
		boolean finishing = false;
		switch (move) {
			case "next" -> {
				checked = !current.complete() || last;
				if (!checked) {
					position++;
				}
			}
			case "back" -> position = Math.max(0, position - 1);
			case "finish" -> {
				checked = true;
				finishing = current.complete() && last;
			}
			default -> {
			}
		}
		String group = after.groups().get(position).name();
		// a plain autosave never moves the draft: a late one must not take the officer back to an earlier group
		String stored = "save".equals(move) ? draft.currentGroup() : group;
		drafts.save(actor, id, answers, stored, after.answered(), after.asked());
		Draft saved = new Draft(id, draft.formVersion(), draft.officerLanguage(), draft.intervieweeLanguage(),
				answers, draft.interpreter(), stored, draft.createdAt(), draft.updatedAt());
		return new Step(saved, after, position, checked, finishing, !group.equals(shown.name()));
	}

	/** What an answer did: the draft as saved, the engine's view of it, and the group to show. */
	private record Step(Draft draft, Walk walk, int position, boolean checked, boolean finishing, boolean moved) {
	}

	private String show(Model model, Draft draft, Walk walk, int position, boolean checked, List<String> refusals) {
		model.addAttribute("draft", draft);
		model.addAttribute("group", walk.groups().get(position));
		model.addAttribute("position", walk.step(walk.groups().get(position)));
		model.addAttribute("total", walk.steps());
		model.addAttribute("first", position == 0);
		model.addAttribute("last", position == walk.groups().size() - 1);
		model.addAttribute("checked", checked);
		model.addAttribute("refusals", refusals);
		model.addAttribute("sameLanguage", draft.officerLanguage().equals(draft.intervieweeLanguage()));
		return "screening/interview";
	}

	private String showStart(Model model) {
		model.addAttribute("languages", catalogue.current().languages());
		return "screening/new";
	}

	private Walk walk(Draft draft, Map<String, String> answers) {
		return WebInterview.walk(catalogue.form(ScreeningCatalogue.FORM_ID, draft.formVersion()), answers,
				draft.officerLanguage(), draft.intervieweeLanguage());
	}

	/** Leaves the interview: htmx is told to load the page itself, so it does not land inside the interview. */
	private static String leave(String path, Confirmation notice, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (isHtmx(request)) {
			if (notice != null) {
				FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
				flash.put(Confirmation.ATTRIBUTE, notice);
				RequestContextUtils.saveOutputFlashMap(path, request, response);
			}
			response.setHeader(HTMX_REDIRECT, request.getContextPath() + path);
			return null;
		}
		if (notice != null) {
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, notice);
		}
		return "redirect:" + path;
	}

	private static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

	/**
	 * The form that starts an interview.
	 *
	 * @param interpreter {@code none}, or {@code person} with the interpreter's name and organisation
	 */
	record Start(String officerLanguage, String intervieweeLanguage, String interpreter, String interpreterName,
			String interpreterOrganisation) {
	}
}
