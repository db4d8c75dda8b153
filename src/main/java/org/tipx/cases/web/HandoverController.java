package org.tipx.cases.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.cases.internal.HandoverArrivals;
import org.tipx.cases.internal.Handovers;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * Handing a case over to an organisation of this installation or of a peer installation: send (a signed package),
 * follow (SENT, RECEIVED), download the package to carry it by hand, push it to the peer; and on the receiving side,
 * the packages that arrived and opening one that a peer pushed.
 */
@RestController
@RequestMapping("/api/v1")
@Allowed.CaseWorkers
class HandoverController {

	private final Handovers handovers;

	private final HandoverArrivals arrivals;

	HandoverController(Handovers handovers, HandoverArrivals arrivals) {
		this.handovers = handovers;
		this.arrivals = arrivals;
	}

	@PostMapping("/cases/{id}/handovers")
	ResponseEntity<Map<String, Object>> send(@PathVariable UUID id, @RequestBody Handovers.NewHandover request) {
		Actor actor = Actor.current().orElseThrow();
		Handovers.Sent sent = handovers.send(actor, id, request);
		Handovers.HandoverView view = sent.handover();
		if (request != null && Boolean.TRUE.equals(request.push()) && request.toPeer() != null) {
			view = handovers.push(actor, view.id());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", view.id());
		body.put("state", view.state());
		body.put("handover", view);
		body.put("package", sent.document());
		return ResponseEntity.created(URI.create("/api/v1/handovers/" + view.id())).body(body);
	}

	@GetMapping("/cases/{id}/handovers")
	List<Handovers.HandoverView> ofCase(@PathVariable UUID id) {
		return handovers.ofCase(Actor.current().orElseThrow(), id);
	}

	@GetMapping("/handovers")
	Map<String, Object> list() {
		Actor actor = Actor.current().orElseThrow();
		return Map.of("sent", handovers.sent(actor), "received", arrivals.arrivals(actor));
	}

	@GetMapping("/handovers/{id}")
	Handovers.HandoverView one(@PathVariable UUID id) {
		return handovers.read(Actor.current().orElseThrow(), id);
	}

	/** The signed package as a file, to carry by hand. */
	@GetMapping("/handovers/{id}/package")
	ResponseEntity<String> download(@PathVariable UUID id) {
		String text = handovers.packageText(Actor.current().orElseThrow(), id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("handover-" + id + ".json").build().toString())
				.body(text);
	}

	@PostMapping("/handovers/{id}/push")
	Handovers.HandoverView push(@PathVariable UUID id) {
		return handovers.push(Actor.current().orElseThrow(), id);
	}

	@GetMapping("/handovers/received/{packageId}")
	HandoverArrivals.Arrival arrival(@PathVariable UUID packageId) {
		return arrivals.arrival(Actor.current().orElseThrow(), packageId);
	}

	@PostMapping("/handovers/received/{packageId}/open")
	HandoverArrivals.Arrival open(@PathVariable UUID packageId) {
		return arrivals.openAwaiting(Actor.current().orElseThrow(), packageId);
	}
}
