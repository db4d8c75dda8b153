package org.tipx.cases.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.cases.internal.BreakGlass;
import org.tipx.cases.internal.CaseDetails;
import org.tipx.cases.internal.CaseExport;
import org.tipx.cases.internal.CaseQuery;
import org.tipx.cases.internal.CaseView;
import org.tipx.cases.internal.Cases;
import org.tipx.cases.internal.Consents;
import org.tipx.cases.internal.PersonalFields;
import org.tipx.cases.internal.ReferralView;
import org.tipx.cases.internal.Referrals;
import org.tipx.cases.internal.Timeline;
import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;

/**
 * Victims' cases over the API. What a caller sees of a case is decided per case (owner, accepted referral,
 * break-glass); anything else answers 404.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Allowed.CaseWorkers
@Tag(name = "cases")
class CaseController {

	private final Cases cases;

	private final Consents consents;

	private final Referrals referrals;

	private final BreakGlass breakGlass;

	private final CaseExport export;

	private final Timeline timeline;

	private final org.tipx.cases.internal.CaseAccess access;

	private final Directory directory;

	CaseController(Cases cases, Consents consents, Referrals referrals, BreakGlass breakGlass, CaseExport export,
			Timeline timeline, org.tipx.cases.internal.CaseAccess access, Directory directory) {
		this.cases = cases;
		this.consents = consents;
		this.referrals = referrals;
		this.breakGlass = breakGlass;
		this.export = export;
		this.timeline = timeline;
		this.access = access;
		this.directory = directory;
	}

	/** A case as written by a case worker: the coded fields, the personal ones, and (when opening) the consent. */
	record CaseRequest(String traffickingStatus, List<String> recruitmentMethods, String recruitmentPlatform,
			List<String> meansOfControl, List<String> exploitationTypes, Boolean forcedCriminality,
			String nationality, List<String> transitCountries, List<String> exploitationCountries, String ageBand,
			String gender, LocalDate recruitedOn, LocalDate exploitationBeganOn, LocalDate exitedOn,
			PersonalFields personal, Consents.Change consent) {

		CaseDetails details() {
			return new CaseDetails(traffickingStatus, recruitmentMethods, recruitmentPlatform, meansOfControl,
					exploitationTypes, forcedCriminality, nationality, transitCountries, exploitationCountries, ageBand,
					gender, recruitedOn, exploitationBeganOn, exitedOn, personal);
		}
	}

	record Reason(String reason) {
	}

	@GetMapping
	@Operation(summary = "Cases you may see, newest change first (50 a page): your organisation's, those referred to it"
			+ " and accepted, and those you broke the glass for")
	Map<String, Object> list(@RequestParam(required = false) UUID screeningId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String risk, @RequestParam(required = false) String nationality,
			@RequestParam(required = false) String referral, @RequestParam(required = false) Boolean overdue,
			@RequestParam(defaultValue = "0") int page) {
		Cases.CasePage found = cases.list(actor(),
				new CaseQuery(screeningId, status, q, risk, nationality, referral, overdue, page));
		return Map.of("items", found.items(), "page", found.page(), "more", found.more());
	}

	@PostMapping
	@Operation(summary = "Open a case by hand (a person never screened, a family's report); case workers only")
	ResponseEntity<CaseView> open(@RequestBody CaseRequest request) {
		CaseView opened = cases.open(actor(), new Cases.NewCase(request.details(), request.consent()));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id())).body(opened);
	}

	@GetMapping("/{id}")
	@Operation(summary = "The case as you may see it: personal fields only where allowed; 404 otherwise")
	CaseView read(@PathVariable UUID id) {
		return cases.read(actor(), id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace the coded fields (and the personal ones when given); the owner's case workers")
	CaseView update(@PathVariable UUID id, @RequestBody CaseRequest request) {
		if (request.consent() != null) {
			throw new InvalidInputException("consent", "is changed through PUT /api/v1/cases/{id}/consent");
		}
		return cases.update(actor(), id, request.details());
	}

	@GetMapping("/{id}/consent")
	@Operation(summary = "The consent in force and its history")
	Consents.WithHistory consent(@PathVariable UUID id) {
		return consents.read(actor(), id);
	}

	@PutMapping("/{id}/consent")
	@Operation(summary = "Record a new version of the consent (the old ones are kept); withdrawing takes effect at once")
	Consents.WithHistory changeConsent(@PathVariable UUID id, @RequestBody Consents.Change change) {
		return consents.change(actor(), id, change);
	}

	@PostMapping("/{id}/referrals")
	@Operation(summary = "Refer the case to another organisation; 409 naming the consent when the consent in force"
			+ " does not cover it")
	ResponseEntity<ReferralView> refer(@PathVariable UUID id, @RequestBody Referrals.NewReferral request) {
		ReferralView sent = referrals.send(actor(), id, request);
		return ResponseEntity.created(URI.create("/api/v1/referrals/" + sent.id())).body(sent);
	}

	@GetMapping("/{id}/referrals")
	@Operation(summary = "The case's referrals as you may see them")
	List<ReferralView> referralsOf(@PathVariable UUID id) {
		return referrals.ofCase(actor(), id);
	}

	@PostMapping("/{id}/break-glass")
	@Operation(summary = "Read another organisation's case for a limited time (2 hours by default) on a written"
			+ " reason; audited, and the owner is told")
	ResponseEntity<Map<String, Object>> breakGlass(@PathVariable UUID id, @RequestBody Reason request) {
		BreakGlass.Grant grant = breakGlass.open(actor(), id, request == null ? null : request.reason());
		return ResponseEntity.status(201).body(Map.of("id", grant.id(), "caseId", id, "expiresAt", grant.expiresAt()));
	}

	@GetMapping("/break-glass")
	@Operation(summary = "Break-glass readings of your organisation's cases by other organisations, newest first")
	List<BreakGlass.Grant> breakGlassNotices() {
		return breakGlass.onCasesOf(actor());
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "Everything that happened to the case, oldest first; owner and break-glass readers")
	Map<String, Object> timeline(@PathVariable UUID id) {
		if (!access.grant(actor(), id).timeline()) {
			throw access.hidden(id, "timeline");
		}
		return Map.of("items", timeline.of(id));
	}

	@GetMapping("/export")
	@Operation(summary = "Your organisation's cases as HTCDS-coded CSV (no personal field), those with research consent;"
			+ " your organisation's administrator")
	ResponseEntity<String> export(@RequestParam(defaultValue = "csv") String format) {
		if (!"csv".equals(format)) {
			throw new InvalidInputException("format", "must be csv");
		}
		Actor actor = actor();
		String type = directory.organisation(new OrganisationId(actor.organisationId()))
				.map(o -> o.type().name()).orElse("");
		CaseExport.Csv csv = export.csv(actor, type);
		return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases-htcds-"
						+ Instant.now().toString().substring(0, 10) + ".csv\"")
				.header("Tipx-Cases-Exported", String.valueOf(csv.exported()))
				.header("Tipx-Cases-Without-Research-Consent", String.valueOf(csv.withoutConsent()))
				.body(csv.text());
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}
}
