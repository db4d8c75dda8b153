package org.tipx.flows.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.tipx.flows.internal.AddressTags;
import org.tipx.shared.Allowed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/flows/tags} and {@code /tagpacks}: the caller's organisation tags addresses (exchange,
 * exchange_deposit, otc, mixer, bridge, scam, victim, mule) with their source, lists the tags it may see (its own and
 * others' shared ones, by sharing's TLP rule), deletes its own, and imports GraphSense TagPacks.
 */
@RestController
@RequestMapping("/api/v1/flows")
@Tag(name = "flows")
@Allowed.FlowTracers
class TagsController {

	private final AddressTags tags;

	private final FlowCallers callers;

	TagsController(AddressTags tags, FlowCallers callers) {
		this.tags = tags;
		this.callers = callers;
	}

	@PostMapping("/tags")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Tag an address {chain, address, tag, name, source}; optional tlp (default AMBER), "
			+ "sharingGroup, recipients")
	Map<String, Object> tag(@RequestBody AddressTags.NewTag request) {
		return tags.add(callers.organisation(), request);
	}

	@GetMapping("/tags")
	@Operation(summary = "The tags the caller may see: own, and others' as their TLP allows")
	List<Map<String, Object>> list(@RequestParam(required = false) String chain,
			@RequestParam(required = false) String address) {
		return tags.visible(callers.organisation(), chain, address);
	}

	@DeleteMapping("/tags")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete one of the organisation's own tags (chain, address, tag, source)")
	void delete(@RequestParam(required = false) String chain, @RequestParam(required = false) String address,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String source) {
		tags.delete(callers.organisation(), chain, address, tag, source);
	}

	@PostMapping(path = "/tagpacks", consumes = { "application/yaml", "text/yaml", "application/x-yaml" })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import a GraphSense TagPack (YAML); is_public: true shares it as GREEN, otherwise AMBER_STRICT "
			+ "(tlp may narrow, never widen); unmapped categories are listed in the answer")
	Map<String, Object> tagPack(@RequestBody String yaml, @RequestParam(required = false) String tlp) {
		UUID organisation = callers.organisation();
		return tags.importPack(organisation, yaml, tlp);
	}
}
