package org.tipx.cases.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.cases.internal.Tasks;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/** A case worker's open tasks across their organisation's cases (theirs or the team's), overdue first. */
@Controller
@RequestMapping("/tasks")
@Allowed.CaseWorkers
class TasksPage {

	private final Tasks tasks;

	TasksPage(Tasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("tasks", tasks.mine(Actor.current().orElseThrow(), false));
		return "care/tasks";
	}

	@PostMapping("/{id}/done")
	String done(@PathVariable UUID id, RedirectAttributes redirect) {
		tasks.done(Actor.current().orElseThrow(), id);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("care.tasks.doneConfirmed"));
		return "redirect:/tasks";
	}
}
