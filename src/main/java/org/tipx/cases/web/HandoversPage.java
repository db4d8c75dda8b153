package org.tipx.cases.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.cases.internal.HandoverArrivals;
import org.tipx.cases.internal.Handovers;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationType;
import org.tipx.federation.Federation;
import org.tipx.platform.Confirmation;
import org.tipx.platform.HomeTask;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * The case workers' handover pages: what their organisation sent (with its state and the package to download) and
 * received (with the packages a peer pushed, waiting to be opened); importing a package brought by hand, with a clear
 * verification result (who signed it, or which check refused it); and handing a case over.
 */
@Controller
@Allowed.CaseWorkers
class HandoversPage {

	private static final int MAX_PACKAGE = 1_000_000;

	private final Handovers handovers;

	private final HandoverArrivals arrivals;

	private final Directory directory;

	private final Federation federation;

	HandoversPage(Handovers handovers, HandoverArrivals arrivals, Directory directory, Federation federation) {
		this.handovers = handovers;
		this.arrivals = arrivals;
		this.directory = directory;
		this.federation = federation;
	}

	/** The outcome of an import, as the page shows it. */
	record Verification(boolean verified, String checkKey, String detail, HandoverArrivals.Arrival arrival) {
	}

	@GetMapping("/handovers")
	String list(Model model) {
		Actor actor = Actor.current().orElseThrow();
		model.addAttribute("sent", handovers.sent(actor));
		model.addAttribute("received", arrivals.arrivals(actor));
		return "cases/handovers";
	}

	@PostMapping("/handovers/import")
	String importPackage(@RequestParam(name = "package", defaultValue = "") String pasted,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		Actor actor = Actor.current().orElseThrow();
		String text = pasted;
		if (file != null && !file.isEmpty()) {
			text = file.getSize() > MAX_PACKAGE ? "" : new String(file.getBytes(), StandardCharsets.UTF_8);
		}
		Verification verification;
		try {
			verification = new Verification(true, "federation.import.verified", null,
					arrivals.importPackage(actor, text.strip()));
		}
		catch (InvalidInputException refused) {
			String field = refused.errors().isEmpty() ? "package" : refused.errors().get(0).field();
			String message = refused.errors().isEmpty() ? refused.getMessage() : refused.errors().get(0).message();
			String key = message.startsWith("signature does not verify") ? "federation.import.badSignature"
					: "personal".equals(field) ? "federation.import.unopenable" : "federation.import.malformed";
			verification = new Verification(false, key, field + ": " + message, null);
		}
		catch (ForbiddenException refused) {
			String message = refused.getMessage();
			verification = new Verification(false, message.contains("not a trusted peer")
					? "federation.import.untrusted" : message.contains("addressed to another")
							? "federation.import.elsewhere" : "federation.import.forbidden", message, null);
		}
		catch (ConflictException refused) {
			verification = new Verification(false, "federation.import.replayed", refused.getMessage(), null);
		}
		model.addAttribute("verification", verification);
		return list(model);
	}

	@PostMapping("/handovers/received/{id}/open")
	String open(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			HandoverArrivals.Arrival arrival = arrivals.openAwaiting(Actor.current().orElseThrow(), id);
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
					Confirmation.of("federation.handovers.opened", arrival.caseReference()));
		}
		catch (NotFoundException | ForbiddenException refused) {
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("federation.handovers.notOpened"));
		}
		return "redirect:/handovers";
	}

	@GetMapping("/handovers/{id}/package")
	ResponseEntity<String> download(@PathVariable UUID id) {
		String text = handovers.packageText(Actor.current().orElseThrow(), id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("handover-" + id + ".json").build().toString())
				.body(text);
	}

	@GetMapping("/cases/{id}/handover")
	String sendForm(@PathVariable UUID id, Model model) {
		handovers.ofCase(Actor.current().orElseThrow(), id);
		model.addAttribute("caseId", id);
		model.asMap().putIfAbsent("problems", List.of());
		model.addAttribute("organisations", directory.organisations().stream()
				.filter(o -> !o.id().value().equals(Actor.current().orElseThrow().organisationId()))
				.sorted(java.util.Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList());
		model.addAttribute("peers", federation.peers());
		model.addAttribute("types", OrganisationType.names());
		return "cases/handover";
	}

	@PostMapping("/cases/{id}/handover")
	String send(@PathVariable UUID id, @RequestParam(defaultValue = "") String toOrganisationId,
			@RequestParam(defaultValue = "") String toPeer, @RequestParam(defaultValue = "") String organisationName,
			@RequestParam(defaultValue = "") String organisationCountry,
			@RequestParam(defaultValue = "") String organisationType,
			@RequestParam(defaultValue = "false") boolean sharePersonal,
			@RequestParam(defaultValue = "") String consentOverride, @RequestParam(defaultValue = "false") boolean push,
			Model model, RedirectAttributes redirect) {
		Actor actor = Actor.current().orElseThrow();
		try {
			UUID local = toPeer.isBlank() && !toOrganisationId.isBlank() ? UUID.fromString(toOrganisationId) : null;
			Handovers.NewHandover request = new Handovers.NewHandover(local, toPeer.isBlank() ? null : toPeer,
					toPeer.isBlank() ? null
							: new Handovers.Addressee(organisationName, organisationCountry.toUpperCase(Locale.ROOT),
									organisationType.isBlank() ? null : organisationType),
					sharePersonal, consentOverride, push);
			Handovers.Sent sent = handovers.send(actor, id, request);
			if (push && request.toPeer() != null) {
				handovers.push(actor, sent.handover().id());
			}
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("federation.handovers.sent",
					sent.handover().toInstance() + "/" + sent.handover().toOrganisation()));
			return "redirect:/handovers";
		}
		catch (InvalidInputException refused) {
			model.addAttribute("problems", refused.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
		}
		catch (ConflictException refused) {
			model.addAttribute("problems", List.of(refused.field() + ": " + refused.getMessage()));
		}
		catch (ForbiddenException refused) {
			model.addAttribute("problems", List.of(refused.getMessage()));
		}
		catch (IllegalArgumentException notAnId) {
			model.addAttribute("problems", List.of("toOrganisationId: is not an organisation of the directory"));
		}
		return sendForm(id, model);
	}

	/** The case workers' card on the home page. */
	@Configuration(proxyBeanMethods = false)
	static class Tasks {

		@Bean
		HomeTask handOverCases() {
			return HomeTask.page("CASE_WORKER", "federation.home.handovers", "/handovers");
		}
	}
}
