package org.tipx.federation.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.federation.Federation;
import org.tipx.federation.Peer;
import org.tipx.federation.internal.Peers;
import org.tipx.protection.InstanceKeys;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * Administrators of the installation register the peers it trusts, list and remove them, and rotate the
 * installation's own signing and encryption keys.
 */
@RestController
@RequestMapping("/api/v1")
@Allowed.Admin
class PeerController {

	private final Peers peers;

	private final Federation federation;

	private final InstanceKeys keys;

	private final AuditTrail audit;

	PeerController(Peers peers, Federation federation, InstanceKeys keys, AuditTrail audit) {
		this.peers = peers;
		this.federation = federation;
		this.keys = keys;
		this.audit = audit;
	}

	@GetMapping("/peers")
	List<Map<String, Object>> list() {
		return peers.peers().stream().map(PeerController::view).toList();
	}

	@PostMapping("/peers")
	ResponseEntity<Map<String, Object>> register(@RequestBody Peers.Registration request) {
		Peer peer = peers.register(Actor.current().orElseThrow(), request);
		return ResponseEntity.status(HttpStatus.CREATED).body(view(peer));
	}

	@GetMapping("/peers/{id}")
	Map<String, Object> one(@PathVariable UUID id) {
		return view(peers.peer(id));
	}

	@DeleteMapping("/peers/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		peers.remove(id);
		return ResponseEntity.noContent().build();
	}

	/** This installation as peers see it. */
	@GetMapping("/instance")
	Map<String, Object> instance() {
		return InstanceDocument.of(federation.self());
	}

	/** A new primary signing and encryption key; the older public keys stay published. */
	@PostMapping("/instance/keys/rotate")
	Map<String, Object> rotate() {
		keys.rotate();
		Map<String, Object> body = InstanceDocument.of(federation.self());
		audit.record(AuditRecord.success("federation.keys.rotate", "instance", null)
				.withDetail("fingerprint " + body.get("fingerprint")));
		return body;
	}

	static Map<String, Object> view(Peer peer) {
		Map<String, Object> body = new java.util.LinkedHashMap<>(InstanceDocument.of(peer.instance()));
		body.put("id", peer.id());
		body.put("baseUrl", peer.baseUrl());
		body.put("registeredBy", peer.registeredBy());
		body.put("registeredAt", peer.registeredAt());
		return body;
	}
}
