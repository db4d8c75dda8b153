package org.tipx.cases.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.cases.internal.Tasks;
import org.tipx.cases.web.VisitController.Items;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * Tasks: those of one case, and the caller's own list across their organisation's cases (theirs or the team's).
 */
@RestController
@Allowed.CaseWorkers
@Tag(name = "cases")
class TaskController {

	private final Tasks tasks;

	TaskController(Tasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/api/v1/tasks")
	@Operation(summary = "Open tasks of your organisation's cases assigned to you or to nobody, soonest due first; "
			+ "overdue=true: only those past their due date")
	Items<Tasks.Task> mine(@RequestParam(defaultValue = "false") boolean overdue) {
		return new Items<>(tasks.mine(Actor.current().orElseThrow(), overdue));
	}

	@GetMapping("/api/v1/cases/{id}/tasks")
	@Operation(summary = "Every task of a case, open ones first")
	Items<Tasks.Task> ofCase(@PathVariable UUID id) {
		return new Items<>(tasks.ofCase(Actor.current().orElseThrow(), id));
	}

	@PostMapping("/api/v1/cases/{id}/tasks")
	@Operation(summary = "Add a task to a case: a title, a due date and optionally the account it is assigned to")
	ResponseEntity<Tasks.Task> add(@PathVariable UUID id, @RequestBody Tasks.NewTask body) {
		Tasks.Task task = tasks.add(Actor.current().orElseThrow(), id, body);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/tasks")).body(task);
	}

	@PostMapping("/api/v1/tasks/{id}/done")
	@Operation(summary = "Mark an open task done")
	Tasks.Task done(@PathVariable UUID id) {
		return tasks.done(Actor.current().orElseThrow(), id);
	}
}
