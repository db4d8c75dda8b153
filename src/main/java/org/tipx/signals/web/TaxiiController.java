package org.tipx.signals.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tipx.shared.Allowed;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.NotFoundException;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.internal.Viewers;
import org.tipx.signals.taxii.TaxiiCollection;
import org.tipx.signals.taxii.TaxiiCollections;
import org.tipx.signals.taxii.TaxiiObjects;
import org.tipx.signals.taxii.TaxiiStatuses;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TAXII 2.1 server (OASIS TAXII 2.1, ADR 0034): discovery at {@code /taxii2/}, one API root {@code /taxii2/api/},
 * the caller's collections (its organisation's reports, each sharing group it belongs to, the TLP GREEN and CLEAR
 * community), their objects and manifest with {@code added_after}, {@code limit}/{@code next} and {@code match[id]},
 * {@code match[type]}, {@code match[version]}, an object's versions, and adding objects to the organisation's own
 * collection with a status resource. HTTP Basic (any user name, a tipx token as the password) or Bearer; a machine
 * token needs {@code signals:read} to read and {@code signals:write} to add. What a caller sees is exactly what the
 * signals API shows it.
 */
@RestController
@RequestMapping("/taxii2")
@Tag(name = "signals")
class TaxiiController {

	static final String TAXII = "application/taxii+json;version=2.1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TaxiiCollections collections;

	private final TaxiiObjects objects;

	private final TaxiiStatuses statuses;

	private final Viewers viewers;

	private final long maxContentLength;

	TaxiiController(TaxiiCollections collections, TaxiiObjects objects, TaxiiStatuses statuses, Viewers viewers,
			@Value("${tipx.api.max-json-size:1MB}") DataSize limit) {
		this.collections = collections;
		this.objects = objects;
		this.statuses = statuses;
		this.viewers = viewers;
		this.maxContentLength = limit.toBytes();
	}

	@GetMapping("/")
	@Allowed.SignalReaders
	@Operation(summary = "TAXII 2.1 discovery")
	ResponseEntity<byte[]> discovery() {
		String root = ServletUriComponentsBuilder.fromCurrentContextPath().path("/taxii2/api/").toUriString();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "tipx TAXII server");
		body.put("description", "Signals of the Trafficking-in-Persons eXchange: reports of scam-compound recruitment"
				+ " and fraud identifiers, as STIX 2.1, under TLP exactly as the tipx API shows them");
		body.put("default", root);
		body.put("api_roots", List.of(root));
		return taxii(body);
	}

	@GetMapping("/api/")
	@Allowed.SignalReaders
	@Operation(summary = "TAXII 2.1 API root")
	ResponseEntity<byte[]> apiRoot() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "tipx signals");
		body.put("versions", List.of(TAXII));
		body.put("max_content_length", maxContentLength);
		return taxii(body);
	}

	@GetMapping("/api/collections/")
	@Allowed.SignalReaders
	@Operation(summary = "TAXII 2.1 collections the caller may read")
	ResponseEntity<byte[]> collections() {
		return taxii(Map.of("collections", collections.of(viewers.current()).stream().map(TaxiiController::describe)
				.toList()));
	}

	@GetMapping("/api/collections/{id}/")
	@Allowed.SignalReaders
	@Operation(summary = "One TAXII 2.1 collection")
	ResponseEntity<byte[]> collection(@PathVariable String id) {
		return taxii(describe(collections.find(viewers.current(), id)));
	}

	@GetMapping("/api/collections/{id}/objects/")
	@Allowed.SignalReaders
	@Operation(summary = "The objects of a TAXII 2.1 collection, with added_after, limit, next and match[...]")
	ResponseEntity<byte[]> objects(@PathVariable String id, HttpServletRequest request) {
		return envelope(page(id, null, request), false);
	}

	@GetMapping("/api/collections/{id}/objects/{objectId}/")
	@Allowed.SignalReaders
	@Operation(summary = "One object of a TAXII 2.1 collection")
	ResponseEntity<byte[]> object(@PathVariable String id, @PathVariable String objectId, HttpServletRequest request) {
		return envelope(pageOfObject(id, objectId, request), false);
	}

	@GetMapping("/api/collections/{id}/objects/{objectId}/versions/")
	@Allowed.SignalReaders
	@Operation(summary = "The versions of one object of a TAXII 2.1 collection")
	ResponseEntity<byte[]> versions(@PathVariable String id, @PathVariable String objectId,
			HttpServletRequest request) {
		TaxiiObjects.Page page = pageOfObject(id, objectId, request);
		Map<String, Object> body = paging(page);
		body.put("versions", page.entries().stream().map(TaxiiObjects.Entry::version).distinct().toList());
		return withDates(page, body);
	}

	@GetMapping("/api/collections/{id}/manifest/")
	@Allowed.SignalReaders
	@Operation(summary = "The manifest of a TAXII 2.1 collection")
	ResponseEntity<byte[]> manifest(@PathVariable String id, HttpServletRequest request) {
		return envelope(page(id, null, request), true);
	}

	@PostMapping("/api/collections/{id}/objects/")
	@Allowed.SignalWriters
	@Operation(summary = "Add objects to the organisation's own TAXII 2.1 collection: filed as reports")
	ResponseEntity<byte[]> add(@PathVariable String id, HttpServletRequest request) throws IOException {
		Viewer viewer = viewers.current();
		TaxiiCollection collection = collections.find(viewer, id);
		if (!collection.canWrite()) {
			throw new ForbiddenException("Only the organisation's own collection takes objects");
		}
		Map<String, Object> status = statuses.add(viewer, body(request.getInputStream()), null);
		return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.CONTENT_TYPE, TAXII)
				.body(JSON.writeValueAsBytes(status));
	}

	@GetMapping("/api/status/{statusId}/")
	@Allowed.SignalReaders
	@Operation(summary = "A TAXII 2.1 status resource of the caller's organisation")
	ResponseEntity<byte[]> status(@PathVariable UUID statusId) {
		return taxii(statuses.status(viewers.current(), statusId));
	}

	private static TaxiiObjects.Query query(HttpServletRequest request, String objectId) {
		String limitText = request.getParameter("limit");
		int limit = TaxiiObjects.DEFAULT_LIMIT;
		if (limitText != null) {
			try {
				limit = Math.min(Integer.parseInt(limitText.strip()), TaxiiObjects.MAX_LIMIT);
			}
			catch (NumberFormatException e) {
				throw new org.tipx.shared.InvalidInputException("limit", "must be a whole number");
			}
		}
		String addedAfter = request.getParameter("added_after");
		String next = request.getParameter("next");
		Set<String> ids = objectId != null ? Set.of(objectId) : values(request, "match[id]");
		return new TaxiiObjects.Query(addedAfter == null ? null : TaxiiObjects.instant("added_after", addedAfter),
				limit, next == null ? null : TaxiiObjects.Cursor.of(next), ids, values(request, "match[type]"),
				values(request, "match[version]"));
	}

	/** A match parameter's values: comma-separated, and repeated parameters add up. */
	private static Set<String> values(HttpServletRequest request, String name) {
		Set<String> values = new LinkedHashSet<>();
		String[] given = request.getParameterValues(name);
		if (given != null) {
			for (String value : given) {
				Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(values::add);
			}
		}
		return values;
	}

	/** One page of the caller's collection {@code id}; with an {@code objectId}, of that object only. */
	private TaxiiObjects.Page page(String id, String objectId, HttpServletRequest request) {
		Viewer viewer = viewers.current();
		return objects.page(viewer, collections.find(viewer, id), query(request, objectId));
	}

	/** As {@link #page} for one object, which is "not found" when the collection does not hold it. */
	private TaxiiObjects.Page pageOfObject(String id, String objectId, HttpServletRequest request) {
		TaxiiObjects.Page page = page(id, objectId, request);
		if (page.entries().isEmpty() && !page.more()) {
			throw new NotFoundException("object " + objectId);
		}
		return page;
	}

	/** {@code more}, and {@code next} when there is more: how every paged TAXII answer begins. */
	private static Map<String, Object> paging(TaxiiObjects.Page page) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("more", page.more());
		if (page.more()) {
			body.put("next", page.next().token());
		}
		return body;
	}

	private ResponseEntity<byte[]> envelope(TaxiiObjects.Page page, boolean manifest) {
		Map<String, Object> body = paging(page);
		if (!page.entries().isEmpty()) {
			body.put("objects", page.entries().stream().map(entry -> manifest ? manifestEntry(entry) : entry.object())
					.toList());
		}
		return withDates(page, body);
	}

	private static Map<String, Object> manifestEntry(TaxiiObjects.Entry entry) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", entry.id());
		record.put("date_added", TaxiiObjects.timestamp(entry.dateAdded()));
		record.put("version", entry.version());
		record.put("media_type", "application/stix+json;version=2.1");
		return record;
	}

	private static ResponseEntity<byte[]> withDates(TaxiiObjects.Page page, Map<String, Object> body) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TAXII);
		if (!page.entries().isEmpty()) {
			answer.header("X-TAXII-Date-Added-First", TaxiiObjects.timestamp(page.entries().get(0).dateAdded()))
					.header("X-TAXII-Date-Added-Last",
							TaxiiObjects.timestamp(page.entries().get(page.entries().size() - 1).dateAdded()));
		}
		return answer.body(JSON.writeValueAsBytes(body));
	}

	private static Map<String, Object> describe(TaxiiCollection collection) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", collection.id().toString());
		body.put("title", collection.title());
		body.put("description", collection.description());
		body.put("can_read", true);
		body.put("can_write", collection.canWrite());
		body.put("media_types", List.of("application/stix+json;version=2.1"));
		return body;
	}

	private static ResponseEntity<byte[]> taxii(Map<String, Object> body) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TAXII).body(JSON.writeValueAsBytes(body));
	}

	private byte[] body(InputStream in) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxContentLength + 1));
		if (body.length > maxContentLength) {
			throw new ResponseStatusException(HttpStatus.valueOf(413),
					"A TAXII envelope may be at most " + maxContentLength + " bytes (max_content_length)");
		}
		return body;
	}
}
