package org.tipx.directory.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.directory.internal.SharingGroupAdministration;
import org.tipx.directory.internal.SharingGroupStore.SharingGroup;
import org.tipx.shared.Allowed;

/**
 * Sharing groups: named sets of organisations (API only for now).
 */
@RestController
@RequestMapping("/api/v1/sharing-groups")
@Allowed.Person
@Tag(name = "sharing groups")
class SharingGroupController {

	private final SharingGroupAdministration groups;

	SharingGroupController(SharingGroupAdministration groups) {
		this.groups = groups;
	}

	@PostMapping
	@Allowed.Administrators
	ResponseEntity<SharingGroup> create(@RequestBody NewGroup request) {
		SharingGroup group = groups.create(Callers.current(), request.name(), request.description(),
				request.organisationIds());
		return ResponseEntity.created(URI.create("/api/v1/sharing-groups/" + group.id())).body(group);
	}

	@GetMapping
	List<SharingGroup> list() {
		return groups.visibleTo(Callers.current());
	}

	@GetMapping("/{id}")
	SharingGroup get(@PathVariable UUID id) {
		return groups.visible(Callers.current(), id);
	}

	@PutMapping("/{id}/members")
	@Allowed.Administrators
	SharingGroup members(@PathVariable UUID id, @RequestBody Members request) {
		return groups.replaceMembers(Callers.current(), id, request.organisationIds());
	}

	record NewGroup(String name, String description, List<UUID> organisationIds) {
	}

	record Members(List<UUID> organisationIds) {
	}
}
