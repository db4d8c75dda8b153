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
import org.tipx.directory.Organisation;
import org.tipx.directory.internal.OrganisationRegistry;
import org.tipx.shared.Allowed;

/**
 * Member organisations: every account (and machine tokens with {@code directory:read}) may list them; only ADMIN
 * registers, corrects and deactivates them. Deactivation deactivates the organisation's accounts (their sessions end)
 * and revokes every token it holds.
 */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "organisations")
class OrganisationController {

	private final OrganisationRegistry registry;

	OrganisationController(OrganisationRegistry registry) {
		this.registry = registry;
	}

	@PostMapping
	@Allowed.Admin
	ResponseEntity<OrganisationJson> register(@RequestBody NewOrganisation request) {
		Organisation created = registry.register(request.name(), request.type(), request.country());
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id()))
				.body(OrganisationJson.of(created));
	}

	@GetMapping
	@Allowed.DirectoryReaders
	List<OrganisationJson> list() {
		return registry.all().stream().map(OrganisationJson::of).toList();
	}

	@GetMapping("/{id}")
	@Allowed.DirectoryReaders
	OrganisationJson get(@PathVariable UUID id) {
		return OrganisationJson.of(registry.get(id));
	}

	@PutMapping("/{id}")
	@Allowed.Admin
	OrganisationJson update(@PathVariable UUID id, @RequestBody NewOrganisation request) {
		return OrganisationJson.of(registry.update(id, request.name(), request.type(), request.country()));
	}

	@PostMapping("/{id}/deactivate")
	@Allowed.Admin
	ResponseEntity<Void> deactivate(@PathVariable UUID id, @RequestBody Reason request) {
		registry.deactivate(id, Callers.current().organisationId(), request.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/reactivate")
	@Allowed.Admin
	ResponseEntity<Void> reactivate(@PathVariable UUID id) {
		registry.reactivate(id);
		return ResponseEntity.noContent().build();
	}

	record NewOrganisation(String name, String type, String country) {
	}

	record Reason(String reason) {
	}

	record OrganisationJson(UUID id, String name, String type, String country, java.time.Instant createdAt) {

		static OrganisationJson of(Organisation o) {
			return new OrganisationJson(o.id().value(), o.name(), o.type().name(), o.country().value(), o.createdAt());
		}
	}
}
