package org.tipx.screening.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.platform.Confirmation;
import org.tipx.screening.internal.Notices;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * The focal point's inbox of notices from screenings of the country's nationals abroad: newest first, new or
 * acknowledged ones only if asked, what was determined and which measures apply in words, the coded profile in the
 * page's language, the sending organisation's referral contacts, and an acknowledgement.
 */
@Controller
@RequestMapping("/screenings/notices")
@Allowed.FocalPoint
class NoticesPage {

	/** The filters the page offers: the value of {@code shown} and whether it means acknowledged. */
	private static final Map<String, Boolean> SHOWN = Map.of("NEW", false, "ACKNOWLEDGED", true);

	private final Notices notices;

	private final MessageSource messages;

	NoticesPage(Notices notices, MessageSource messages) {
		this.notices = notices;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) String shown, Model model, Locale locale) {
		String filter = shown != null && SHOWN.containsKey(shown) ? shown : null;
		List<Notices.NoticeView> received = notices.received(Actor.current().orElseThrow(),
				filter == null ? null : SHOWN.get(filter));
		NoticeProfile words = new NoticeProfile(messages, locale);
		model.addAttribute("notices", received);
		model.addAttribute("profiles", received.stream()
				.collect(Collectors.toMap(Notices.NoticeView::id, n -> words.lines(n.profile()))));
		model.addAttribute("shown", filter);
		model.addAttribute("filters", List.of("NEW", "ACKNOWLEDGED"));
		return "screening/notices";
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
		notices.acknowledge(Actor.current().orElseThrow(), id);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("screening.notices.acknowledged"));
		return "redirect:/screenings/notices#notice-" + id;
	}
}
