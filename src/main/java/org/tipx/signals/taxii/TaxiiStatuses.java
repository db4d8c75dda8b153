package org.tipx.signals.taxii;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Tlp;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.stix.StixImport;
import org.tipx.signals.stix.StixImported;
import tools.jackson.databind.json.JsonMapper;

/**
 * Objects added to a collection (TAXII "Add Objects"): the envelope is filed as one STIX bundle through
 * {@link StixImport}, the same path as {@code POST /api/v1/signals/stix}, and what happened is kept as a status
 * resource the organisation can read back. Filing is done before the answer, so every status is complete.
 */
@Service
public class TaxiiStatuses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StixImport imports;

	private final JdbcClient jdbc;

	private final Clock clock;

	TaxiiStatuses(StixImport imports, JdbcClient jdbc, Clock clock) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Files the envelope's objects and returns the status resource. Successes are the objects filed (in a report) or
	 * already filed before; failures the objects tipx did not file, each with its reason.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> add(Viewer viewer, byte[] envelope, Tlp defaultTlp) {
		Map<String, Object> parsed;
		try {
			parsed = JSON.readValue(envelope, Map.class);
		}
		catch (RuntimeException e) {
			throw new org.tipx.shared.InvalidInputException("body", "is not a TAXII envelope (a JSON object)");
		}
		Object objects = parsed.get("objects");
		if (!(objects instanceof List<?> list) || list.isEmpty()) {
			throw new org.tipx.shared.InvalidInputException("objects", "must be a non-empty list of STIX objects");
		}
		Map<String, Object> bundle = new LinkedHashMap<>();
		bundle.put("type", "bundle");
		bundle.put("id", "bundle--" + UUID.randomUUID());
		bundle.put("objects", list);
		Instant requested = clock.instant();
		StixImported imported = imports.file(viewer, JSON.writeValueAsBytes(bundle), defaultTlp);
		Map<String, String> versions = new LinkedHashMap<>();
		for (Object o : list) {
			if (o instanceof Map<?, ?> object && object.get("id") instanceof String id) {
				Object modified = object.get("modified") != null ? object.get("modified") : object.get("created");
				versions.put(id, modified instanceof String v ? v : null);
			}
		}
		List<Map<String, Object>> successes = new ArrayList<>();
		List<Map<String, Object>> failures = new ArrayList<>();
		java.util.Set<String> failed = new java.util.HashSet<>();
		for (StixImported.Ignored ignored : imported.ignored()) {
			if (ignored.id() != null && failed.add(ignored.id())) {
				failures.add(detail(ignored.id(), versions.get(ignored.id()), ignored.reason()));
			}
		}
		for (String id : versions.keySet()) {
			if (!failed.contains(id)) {
				successes.add(detail(id, versions.get(id), imported.alreadyImported().contains(id)
						? "filed before: nothing new" : "filed"));
			}
		}
		UUID statusId = UUID.randomUUID();
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("id", statusId.toString());
		status.put("status", "complete");
		status.put("request_timestamp", TaxiiObjects.timestamp(requested));
		status.put("total_count", successes.size() + failures.size());
		status.put("success_count", successes.size());
		status.put("successes", successes);
		status.put("failure_count", failures.size());
		status.put("failures", failures);
		status.put("pending_count", 0);
		status.put("pendings", List.of());
		jdbc.sql("INSERT INTO signals_taxii_status (id, organisation_id, created_at, body) VALUES (?, ?, ?, ?)")
				.params(statusId, viewer.organisationId(), ReportStore.utc(requested), JSON.writeValueAsString(status))
				.update();
		return status;
	}

	/** A status resource of the caller's organisation; another's is "not found". */
	@Transactional(readOnly = true)
	@SuppressWarnings("unchecked")
	public Map<String, Object> status(Viewer viewer, UUID id) {
		String body = jdbc.sql("SELECT body FROM signals_taxii_status WHERE id = ? AND organisation_id = ?")
				.params(id, viewer.organisationId()).query(String.class).optional()
				.orElseThrow(() -> new NotFoundException("status " + id));
		return JSON.readValue(body, Map.class);
	}

	private static Map<String, Object> detail(String id, String version, String message) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("id", id);
		if (version != null) {
			detail.put("version", version);
		}
		detail.put("message", message);
		return detail;
	}
}
