package org.tipx.signals.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.signals.alerts.AlertState;
import org.tipx.signals.alerts.AlertView;
import org.tipx.signals.alerts.Alerts;
import org.tipx.signals.internal.Viewers;

/**
 * The organisation's early-warning inbox in the browser: everyone who may read signals sees it, focal points triage
 * it (the same rule as {@code PATCH /api/v1/signals/alerts/{id}}), and the list updates in place.
 */
@Controller
@RequestMapping("/signals/alerts")
class AlertsPage {

	private static final String VIEW = "signals/alerts";

	private static final int SHOWN = 200;

	private final Alerts alerts;

	private final Viewers viewers;

	private final Directory directory;

	AlertsPage(Alerts alerts, Viewers viewers, Directory directory) {
		this.alerts = alerts;
		this.viewers = viewers;
		this.directory = directory;
	}

	@GetMapping
	@Allowed.SignalReaders
	String inbox(@RequestParam(required = false) String state, Model model) {
		String wanted = state == null || state.isBlank() || !states().contains(state) ? null : state;
		List<AlertView> inbox = alerts.inbox(viewers.current(), wanted, SHOWN);
		model.addAttribute("alerts", inbox);
		model.addAttribute("networks", NetworkAlerts.of(inbox));
		model.addAttribute("state", wanted);
		model.addAttribute("states", states());
		model.addAttribute("organisations", organisationNames(inbox));
		model.addAttribute("triage", PageRoles.has("FOCAL_POINT"));
		return VIEW;
	}

	/** Sets an alert's triage state; {@code shown} is the filter to come back to. */
	@PostMapping("/{id}/triage")
	@Allowed.FocalPoint
	String triage(@PathVariable UUID id, @RequestParam String to, @RequestParam(required = false) String note,
			@RequestParam(required = false) String shown, RedirectAttributes redirect) {
		AlertView alert = alerts.triage(viewers.current(), id, to, note);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("signals.alerts.triaged." + alert.state(),
				alert.report().title()));
		String back = UriComponentsBuilder.fromPath("/signals/alerts")
				.queryParamIfPresent("state", Optional.ofNullable(shown).filter(states()::contains))
				.build().toUriString();
		return "redirect:" + back;
	}

	private Map<UUID, String> organisationNames(List<AlertView> inbox) {
		return inbox.stream().flatMap(a -> Stream.concat(Stream.of(a.report()), a.linkedReports().stream()))
				.map(AlertView.ReportSummary::organisation).distinct()
				.collect(Collectors.toMap(Function.identity(), id -> directory.organisation(new OrganisationId(id))
						.map(Organisation::name).orElse("")));
	}

	private static List<String> states() {
		return Stream.of(AlertState.values()).map(Enum::name).toList();
	}
}
