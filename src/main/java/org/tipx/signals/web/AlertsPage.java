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
import org.tipx.signals.alerts.AlertDigests;
import org.tipx.signals.alerts.AlertState;
import org.tipx.signals.alerts.AlertSubscription;
import org.tipx.signals.alerts.AlertSubscriptions;
import org.tipx.signals.alerts.AlertView;
import org.tipx.signals.alerts.Alerts;
import org.tipx.signals.alerts.DigestView;
import org.tipx.signals.internal.Viewer;
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

	private static final int DIGESTS_SHOWN = 14;

	private final Alerts alerts;

	private final Viewers viewers;

	private final Directory directory;

	private final AlertDigests digests;

	private final AlertSubscriptions subscriptions;

	AlertsPage(Alerts alerts, Viewers viewers, Directory directory, AlertDigests digests,
			AlertSubscriptions subscriptions) {
		this.alerts = alerts;
		this.digests = digests;
		this.subscriptions = subscriptions;
		this.viewers = viewers;
		this.directory = directory;
	}

	@GetMapping
	@Allowed.SignalReaders
	String inbox(@RequestParam(required = false) String state, Model model) {
		String wanted = state == null || state.isBlank() || !states().contains(state) ? null : state;
		Viewer viewer = viewers.current();
		List<AlertView> inbox = alerts.inbox(viewer, wanted, SHOWN);
		// the digests are shown to organisations that chose them, or still have some from when they did
		boolean daily = subscriptions.current(viewer).digest() == AlertSubscription.Digest.DAILY;
		List<DigestView> digested = digests.of(viewer, DIGESTS_SHOWN);
		model.addAttribute("digests", daily || !digested.isEmpty() ? digested : null);
		model.addAttribute("subscribe", PageRoles.has("FOCAL_POINT"));
		model.addAttribute("alerts", inbox);
		model.addAttribute("networks", NetworkAlerts.of(inbox));
		model.addAttribute("state", wanted);
		model.addAttribute("states", states());
		model.addAttribute("organisations", organisationNames(Stream.concat(inbox.stream(),
				digested.stream().flatMap(d -> d.alerts().stream())).toList()));
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
