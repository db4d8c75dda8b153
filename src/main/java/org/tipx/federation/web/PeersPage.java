package org.tipx.federation.web;

import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.federation.Federation;
import org.tipx.federation.Peer;
import org.tipx.federation.internal.Peers;
import org.tipx.platform.Confirmation;
import org.tipx.platform.HomeTask;
import org.tipx.protection.InstanceKeys;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * The administrator's page of trusted peers: this installation's name, country and fingerprint (to read out to a
 * peer's administrator), the peers registered, registering one from its address and the fingerprint its administrator
 * read out, removing one, and rotating this installation's keys.
 */
@Controller
@RequestMapping("/admin/peers")
@Allowed.Admin
class PeersPage {

	private final Peers peers;

	private final Federation federation;

	private final InstanceKeys keys;

	PeersPage(Peers peers, Federation federation, InstanceKeys keys) {
		this.peers = peers;
		this.federation = federation;
		this.keys = keys;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("self", federation.self());
		model.addAttribute("peers", federation.peers());
		model.asMap().putIfAbsent("problems", List.of());
		model.asMap().putIfAbsent("baseUrl", "");
		model.asMap().putIfAbsent("fingerprint", "");
		return "federation/peers";
	}

	@PostMapping
	String register(@RequestParam(defaultValue = "") String baseUrl, @RequestParam(defaultValue = "") String fingerprint,
			Model model, RedirectAttributes redirect) {
		try {
			Peer peer = peers.register(Actor.current().orElseThrow(),
					new Peers.Registration(null, null, baseUrl, null, fingerprint));
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("federation.peers.added",
					peer.name()));
			return "redirect:/admin/peers";
		}
		catch (InvalidInputException refused) {
			model.addAttribute("problems", refused.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
		}
		catch (ConflictException refused) {
			model.addAttribute("problems", List.of(refused.field() + ": " + refused.getMessage()));
		}
		model.addAttribute("baseUrl", baseUrl);
		model.addAttribute("fingerprint", fingerprint);
		return show(model);
	}

	@PostMapping("/{id}/remove")
	String remove(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			Peer peer = peers.peer(id);
			peers.remove(id);
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("federation.peers.removed",
					peer.name()));
		}
		catch (NotFoundException gone) {
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("federation.peers.gone"));
		}
		return "redirect:/admin/peers";
	}

	@PostMapping("/rotate")
	String rotate(RedirectAttributes redirect) {
		keys.rotate();
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("federation.peers.rotated"));
		return "redirect:/admin/peers";
	}

	/** The administrator's card on the home page. */
	@Configuration(proxyBeanMethods = false)
	static class Tasks {

		@Bean
		HomeTask trustPeers() {
			return HomeTask.page("ADMIN", "federation.home.peers", "/admin/peers");
		}
	}
}
