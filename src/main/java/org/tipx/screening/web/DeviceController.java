package org.tipx.screening.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.screening.internal.Devices;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * An organisation's admin issues a token per field device (ODK Collect, KoboCollect) and revokes it when the device is
 * lost or retired. The token is shown once, inside the server URL to type or scan into the device.
 */
@RestController
@RequestMapping("/api/v1/screenings/devices")
@Allowed.OrgAdmin
@Tag(name = "screening")
class DeviceController {

	private final Devices devices;

	DeviceController(Devices devices) {
		this.devices = devices;
	}

	@PostMapping
	@Operation(summary = "Issue a device token; the answer holds the device's server URL, shown this once")
	ResponseEntity<IssuedJson> issue(@RequestBody Map<String, String> request) {
		var issued = devices.issue(Actor.current().orElseThrow(), request.get("name"));
		return ResponseEntity.created(URI.create("/api/v1/screenings/devices/" + issued.id()))
				.body(new IssuedJson(issued.id(), issued.name(), issued.token(), "/key/" + issued.token(),
						issued.createdAt().toString()));
	}

	@GetMapping
	List<Devices.Device> list() {
		return devices.of(Actor.current().orElseThrow().organisationId());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		devices.revoke(Actor.current().orElseThrow(), id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A new device.
	 *
	 * @param serverPath what to append to tipx's address to make the server URL in ODK Collect's settings
	 */
	record IssuedJson(UUID id, String name, String token, String serverPath, String createdAt) {
	}
}
