package org.tipx.signals.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.shared.Countries;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.filing.Filing;
import org.tipx.signals.filing.NewReport;
import org.tipx.signals.internal.Viewers;

/**
 * The report form: an analyst files a report with any number of indicators, seeing each value's canonical form as
 * they type it. Filing goes through the same service and rules as {@code POST /api/v1/signals/reports}; a refusal
 * is shown beside the fields, in the page language.
 */
@Controller
@RequestMapping("/signals/reports")
class ReportFormPage {

	private static final String VIEW = "signals/report-form";

	private static final Pattern INDICATOR_FIELD = Pattern.compile("indicators\\[(\\d+)]\\.(\\w+)");

	private final Filing filing;

	private final Viewers viewers;

	private final CanonicalPreview previews;

	private final Directory directory;

	private final MessageSource messages;

	private final Clock clock;

	ReportFormPage(Filing filing, Viewers viewers, CanonicalPreview previews, Directory directory,
			MessageSource messages, Clock clock) {
		this.filing = filing;
		this.viewers = viewers;
		this.previews = previews;
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/new")
	@Allowed.SignalWriters
	String form(Model model, Locale locale) {
		String country = directory.organisation(new OrganisationId(viewers.current().organisationId()))
				.map(o -> o.country().value()).orElse("");
		ReportForm form = new ReportForm("", "", "", "", country,
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString(), List.of(), "");
		return show(model, locale, form, List.of(Row.empty(newRowId())), Map.of());
	}

	/** A further, empty indicator row, added to the form without reloading it. */
	@GetMapping("/new/row")
	@Allowed.SignalWriters
	String row(Model model) {
		model.addAttribute("row", Row.empty(newRowId()));
		choices(model);
		return VIEW + " :: row";
	}

	/** The canonical form of one row's value, for the preview beside it. */
	@GetMapping("/new/preview")
	@Allowed.SignalReaders
	String preview(@RequestParam(required = false) String type, @RequestParam(required = false) String value,
			@RequestParam(required = false) String platform, @RequestParam(required = false) String chain,
			@RequestParam(required = false) String reporterCountry, Model model) {
		model.addAttribute("preview", previews.of(type, value, platform, chain, reporterCountry));
		return VIEW + " :: preview";
	}

	@PostMapping("/new")
	@Allowed.SignalWriters
	String file(HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
		ReportForm form = new ReportForm(request.getParameter("title"), request.getParameter("description"),
				request.getParameter("category"), request.getParameter("tlp"), request.getParameter("reporterCountry"),
				request.getParameter("observedAt"), List.of(values(request, "recipients")),
				request.getParameter("sharingGroupId"));
		List<Row> rows = rows(request);
		List<NewReport.NewIndicator> indicators = new ArrayList<>();
		List<Row> given = new ArrayList<>();
		for (Row row : rows) {
			if (row.blank()) {
				continue;
			}
			given.add(row);
			indicators.add(new NewReport.NewIndicator(blankToNull(row.type()), row.value(), blankToNull(row.platform()),
					blankToNull(row.chain())));
		}
		Filing.Filed filed;
		try {
			Addressing addressing = Addressing.of(form.tlp(), form.recipients(), form.sharingGroupId());
			filed = filing.file(viewers.current(), new NewReport(form.title(), form.description(),
					form.reporterCountry(), observedAt(form.observedAt()), form.category(), form.tlp(),
					addressing.sharingGroup(), addressing.recipients(), null, indicators), null);
		}
		catch (InvalidInputException refused) {
			return refused(model, locale, form, given.isEmpty() ? List.of(Row.empty(newRowId())) : given, refused);
		}
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, filed.invalidIndicators() == 0
				? Confirmation.of("signals.report.filed", filed.report().title())
				: Confirmation.of("signals.report.filedWithInvalid", filed.report().title(),
						String.valueOf(filed.invalidIndicators())));
		return "redirect:/signals/reports/" + filed.report().id();
	}

	private String refused(Model model, Locale locale, ReportForm form, List<Row> rows, InvalidInputException refused) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<Row> shown = new ArrayList<>(rows);
		for (InvalidInputException.FieldError error : refused.errors()) {
			Matcher indicator = INDICATOR_FIELD.matcher(error.field());
			if (indicator.matches() && Integer.parseInt(indicator.group(1)) < shown.size()) {
				int index = Integer.parseInt(indicator.group(1));
				String field = indicator.group(2);
				Row row = shown.get(index);
				shown.set(index, row.withError(field,
						message("signals.report.error.indicator." + field, error.message(), locale)));
				errors.putIfAbsent(field + "-" + row.id(), message("signals.report.error.indicator." + field,
						error.message(), locale));
			}
			else {
				String field = error.field().replaceAll("\\W.*$", "");
				String prefix = Addressing.FIELDS.contains(field) ? "exchange.report.error." : "signals.report.error.";
				errors.putIfAbsent(field, message(prefix + field, error.field() + " " + error.message(), locale));
			}
		}
		return show(model, locale, form, shown, errors);
	}

	private String show(Model model, Locale locale, ReportForm form, List<Row> rows, Map<String, String> errors) {
		model.addAttribute("report", form);
		model.addAttribute("rows", rows.stream().map(r -> r.previewed(previews.of(r.type(), r.value(), r.platform(),
				r.chain(), form.reporterCountry()))).toList());
		model.addAttribute("errors", errors);
		model.addAttribute("countries", Countries.sorted(locale));
		addressees(model, locale);
		choices(model);
		return VIEW;
	}

	/**
	 * Whom the caller may address an AMBER or RED report to, as the API allows: any other organisation of the
	 * exchange (by country, then name), and the sharing groups its own organisation belongs to.
	 */
	private void addressees(Model model, Locale locale) {
		UUID own = viewers.current().organisationId();
		Collator collator = Collator.getInstance(locale);
		model.addAttribute("organisations", directory.organisations().stream()
				.filter(o -> !o.id().value().equals(own))
				.map(o -> new Addressee(o.id().value().toString(), o.name(), Countries.name(o.country().value(), locale)))
				.sorted(Comparator.comparing(Addressee::country, collator).thenComparing(Addressee::name, collator))
				.toList());
		model.addAttribute("sharingGroups", directory.sharingGroupNamesOf(new OrganisationId(own)));
	}

	private static void choices(Model model) {
		model.addAttribute("categories", Category.values());
		model.addAttribute("tlps", Tlp.values());
		model.addAttribute("types", Arrays.stream(IndicatorType.values()).map(IndicatorType::wire).toList());
		model.addAttribute("platforms", Arrays.stream(Platform.values()).map(Platform::wire).toList());
		model.addAttribute("chains", Arrays.stream(Chain.values()).map(Chain::wire).toList());
	}

	private String message(String key, String english, Locale locale) {
		return messages.getMessage(key, null, english, locale);
	}

	private static List<Row> rows(HttpServletRequest request) {
		String[] ids = values(request, "row");
		String[] types = values(request, "type");
		String[] values = values(request, "value");
		String[] platforms = values(request, "platform");
		String[] chains = values(request, "chain");
		int count = Math.max(ids.length, values.length);
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Row(at(ids, i, newRowId()).replaceAll("[^A-Za-z0-9]", ""), at(types, i, ""),
					at(values, i, ""), at(platforms, i, ""), at(chains, i, ""), CanonicalPreview.Preview.NOTHING,
					Map.of()));
		}
		return rows;
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : values;
	}

	private static String at(String[] values, int index, String fallback) {
		return index < values.length && values[index] != null ? values[index] : fallback;
	}

	/** The start of the given day in UTC; null when no date was given, which filing refuses as such. */
	private static Instant observedAt(String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static String newRowId() {
		return "r" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * The report's own fields as typed; the observation date as {@code yyyy-MM-dd}; the recipients (organisation
	 * ids) and sharing group chosen for an AMBER or RED report.
	 */
	record ReportForm(String title, String description, String category, String tlp, String reporterCountry,
			String observedAt, List<String> recipients, String sharingGroupId) {

		ReportForm {
			recipients = recipients == null ? List.of() : List.copyOf(recipients);
		}
	}

	/** An organisation the report may be addressed to, with its country's name in the page language. */
	record Addressee(String id, String name, String country) {
	}

	/**
	 * One indicator row as typed, with its preview and the errors of its fields by field name.
	 *
	 * @param id the row's id in the page, unique among its rows; names its fields' ids
	 */
	record Row(String id, String type, String value, String platform, String chain,
			CanonicalPreview.Preview preview, Map<String, String> errors) {

		static Row empty(String id) {
			return new Row(id, "", "", "", "", CanonicalPreview.Preview.NOTHING, Map.of());
		}

		boolean blank() {
			return (type == null || type.isBlank()) && (value == null || value.isBlank());
		}

		Row withError(String field, String message) {
			Map<String, String> all = new LinkedHashMap<>(errors);
			all.putIfAbsent(field, message);
			return new Row(id, type, value, platform, chain, preview, all);
		}

		Row previewed(CanonicalPreview.Preview shown) {
			return new Row(id, type, value, platform, chain, shown, errors);
		}
	}
}
