package org.tipx.protection.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.protection.internal.Keyring;
import org.tipx.protection.internal.Resealing;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.NotFoundException;

/**
 * Administrators rotate the field keys while tipx runs: a new primary key seals from then on, everything sealed is
 * re-sealed under it, and an old key is retired once nothing sealed under it remains. Every step is audited.
 */
@RestController
@RequestMapping("/api/v1/admin/field-keys")
@Allowed.Admin
class FieldKeyController {

	private final Keyring keyring;

	private final Resealing resealing;

	private final AuditTrail audit;

	FieldKeyController(Keyring keyring, Resealing resealing, AuditTrail audit) {
		this.keyring = keyring;
		this.resealing = resealing;
		this.audit = audit;
	}

	@GetMapping
	Map<String, Object> keys() {
		return describe(Map.of());
	}

	@PostMapping("/rotate")
	Map<String, Object> rotate() {
		int primary = keyring.rotate();
		Map<String, Integer> resealed = resealing.run();
		audit.record(AuditRecord.success("protection.key.rotate", "field_key", primary)
				.withDetail("re-sealed " + resealed));
		return describe(resealed);
	}

	@DeleteMapping("/{id}")
	Map<String, Object> retire(@PathVariable int id) {
		if (!keyring.ids().contains(id)) {
			throw new NotFoundException("No field key " + id);
		}
		if (id == keyring.primaryId()) {
			throw new ConflictException("id", "is the primary key: rotate first");
		}
		int held = resealing.valuesByKey().getOrDefault(id, 0);
		if (held > 0) {
			throw new ConflictException("id", "still seals " + held + " values: rotate to re-seal them first");
		}
		keyring.retire(id);
		audit.record(AuditRecord.success("protection.key.retire", "field_key", id));
		return describe(Map.of());
	}

	private Map<String, Object> describe(Map<String, Integer> resealed) {
		Map<Integer, Integer> byKey = resealing.valuesByKey();
		List<Map<String, Object>> keys = new ArrayList<>();
		for (int id : keyring.ids()) {
			keys.add(Map.of("id", id, "primary", id == keyring.primaryId(), "values", byKey.getOrDefault(id, 0)));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("primary", keyring.primaryId());
		body.put("keys", keys);
		body.put("unsealedValues", byKey.getOrDefault(-1, 0));
		if (!resealed.isEmpty()) {
			body.put("resealed", resealed);
		}
		return body;
	}
}
