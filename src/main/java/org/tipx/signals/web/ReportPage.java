package org.tipx.signals.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.platform.Confirmation;
import org.tipx.shared.InvalidInputException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tipx.shared.Allowed;
import org.tipx.shared.Countries;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Tlp;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.internal.Viewers;
import org.tipx.signals.reading.NetworkView;
import org.tipx.signals.reading.NetworkViews;
import org.tipx.signals.reading.ReportReading;
import org.tipx.signals.reading.ReportView;
import org.tipx.signals.sightings.SightingKind;
import org.tipx.signals.sightings.SightingView;
import org.tipx.signals.sightings.Sightings;

import tools.jackson.databind.json.JsonMapper;

/**
 * A report as the caller may see it under TLP, its indicators with their canonical forms, and its network drawn as
 * a graph and listed as a table. Reads through the same services as {@code GET /api/v1/signals/reports/{id}} and
 * {@code /network}, which audit the reads; a report the caller may not see is "not found". Beside each indicator its
 * sightings and outcomes (ADR 0032) and a form to record one.
 */
@Controller
@RequestMapping("/signals/reports")
class ReportPage {

	private final ReportReading reading;

	private final NetworkViews networks;

	private final Viewers viewers;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Sightings sightings;

	ReportPage(ReportReading reading, NetworkViews networks, Viewers viewers, JsonMapper json, MessageSource messages,
			Sightings sightings) {
		this.sightings = sightings;
		this.reading = reading;
		this.networks = networks;
		this.viewers = viewers;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/{id}")
	@Allowed.SignalReaders
	String show(@PathVariable UUID id, Model model, Locale locale) {
		Viewer viewer = viewers.current();
		ReportView report = reading.read(viewer, id);
		NetworkView network = networks.around(viewer, id);
		List<UUID> shown = new ArrayList<>(network.reports());
		network.suggestions().forEach(s -> shown.addAll(s.reports()));
		NetworkDrawing drawing = NetworkDrawing.of(id, network, reading.visibleAmong(viewer, shown));
		model.addAttribute("report", report);
		model.addAttribute("own", report.organisationId().equals(viewer.organisationId()));
		model.addAttribute("sightings", sightings.ofReport(viewer, id));
		model.addAttribute("sightingKinds", SightingKind.names());
		model.addAttribute("today", LocalDate.now(ZoneOffset.UTC).toString());
		model.addAttribute("network", drawing);
		model.addAttribute("networkId", network.networkId());
		model.addAttribute("elements", json.writeValueAsString(drawing.elements(messages, locale)));
		Map<String, String> countryNames = new HashMap<>();
		countryNames.put(report.reporterCountry(), Countries.name(report.reporterCountry(), locale));
		drawing.nodes().forEach(n -> countryNames.put(n.country(), Countries.name(n.country(), locale)));
		model.addAttribute("countryNames", countryNames);
		model.addAttribute("tlps", drawing.nodes().stream().map(NetworkDrawing.Node::tlp).distinct()
				.sorted(Comparator.comparing(Tlp::valueOf)).toList());
		return "signals/report";
	}

	/**
	 * Records a sighting or outcome from the form beside an indicator and comes back to the report's sightings; a
	 * refusal is shown above the forms, naming the field.
	 */
	@PostMapping("/{id}/sightings")
	@Allowed.SignalWriters
	String recordSighting(@PathVariable UUID id, @RequestParam UUID indicator, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String observedAt, @RequestParam(required = false) String note,
			RedirectAttributes redirect, Locale locale) {
		reading.visible(viewers.current(), id);
		try {
			SightingView recorded = sightings.record(viewers.current(), indicator, kind, observedAt, note);
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("sighting.recorded",
					messages.getMessage("sighting.kind." + recorded.kind(), null, recorded.kind(), locale)));
		}
		catch (InvalidInputException refused) {
			InvalidInputException.FieldError first = refused.errors().get(0);
			redirect.addFlashAttribute("sightingRefused", messages.getMessage("sighting.refused",
					new Object[] { messages.getMessage("sighting.field." + first.field(), null, first.field(), locale),
							first.message() },
					locale));
			redirect.addFlashAttribute("sightingRefusedFor", indicator);
		}
		return "redirect:/signals/reports/" + id + "#sightings-" + indicator;
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}
}
