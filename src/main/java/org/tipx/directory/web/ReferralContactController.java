package org.tipx.directory.web;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.directory.ReferralContact;
import org.tipx.directory.internal.ReferralContacts;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.CountryCode;

/**
 * Referral contacts per country: every account may read them; an organisation's admin keeps its own.
 */
@RestController
@RequestMapping("/api/v1/referral-contacts")
@Tag(name = "directory")
class ReferralContactController {

	private final ReferralContacts contacts;

	ReferralContactController(ReferralContacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping
	@Operation(summary = "Referral contacts of the given countries (country=ID&country=KH)")
	List<ReferralContact> list(@RequestParam List<String> country) {
		Set<CountryCode> countries = new LinkedHashSet<>();
		country.forEach(code -> countries.add(CountryCode.parse("country", code)));
		return contacts.of(countries);
	}

	@PostMapping
	@Allowed.Administrators
	ResponseEntity<ReferralContact> add(@RequestBody ReferralContacts.Draft draft) {
		ReferralContact added = contacts.add(Actor.current().orElseThrow().organisationId(), draft);
		return ResponseEntity.created(URI.create("/api/v1/referral-contacts/" + added.id())).body(added);
	}

	@PutMapping("/{id}")
	@Allowed.Administrators
	ReferralContact change(@PathVariable UUID id, @RequestBody ReferralContacts.Draft draft) {
		return contacts.change(Actor.current().orElseThrow().organisationId(), administrator(), id, draft);
	}

	@DeleteMapping("/{id}")
	@Allowed.Administrators
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		contacts.remove(Actor.current().orElseThrow().organisationId(), administrator(), id);
		return ResponseEntity.noContent().build();
	}

	private static boolean administrator() {
		return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
				.anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
	}
}
