package org.tipx.screening.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.HtmlUtils;
import org.tipx.screening.internal.DeviceActor;
import org.tipx.screening.internal.Devices;
import org.tipx.screening.internal.NewScreening;
import org.tipx.screening.internal.ScreeningCatalogue;
import org.tipx.screening.internal.ScreeningForm;
import org.tipx.screening.internal.Screenings;
import org.tipx.screening.internal.SubmittedInstance;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;

/**
 * The OpenRosa server ODK Collect and KoboCollect talk to: the form list, the form, and submissions of interviews made
 * offline. A device sets its server URL to {@code https://<tipx>/key/<device token>}; a person's API token also works
 * as {@code Authorization: Bearer} on the paths without a key. Answers and errors are OpenRosa XML, never
 * problem+json, because that is what the clients show.
 */
@RestController
class OpenRosaController {

	static final long MAX_SUBMISSION = 1024 * 1024;

	private static final MediaType XML = MediaType.parseMediaType("text/xml; charset=utf-8");

	private final Devices devices;

	private final Screenings screenings;

	private final ScreeningCatalogue catalogue;

	OpenRosaController(Devices devices, Screenings screenings, ScreeningCatalogue catalogue) {
		this.devices = devices;
		this.screenings = screenings;
		this.catalogue = catalogue;
	}

	@GetMapping({ "/formList", "/key/{token}/formList" })
	ResponseEntity<String> formList(@PathVariable(required = false) String token, HttpServletRequest request) {
		if (caller(token).isEmpty()) {
			return unauthorised();
		}
		ScreeningForm form = catalogue.current();
		String base = base(request, token);
		String body = """
				<?xml version="1.0" encoding="UTF-8"?>
				<xforms xmlns="http://openrosa.org/xforms/xformsList">
				  <xform>
				    <formID>%s</formID>
				    <name>%s</name>
				    <version>%s</version>
				    <hash>%s</hash>
				    <downloadUrl>%s/forms/%s</downloadUrl>
				  </xform>
				</xforms>
				""".formatted(form.formId(), HtmlUtils.htmlEscape(form.title()), form.version(), form.hash(),
				HtmlUtils.htmlEscape(base), form.formId());
		return openRosa(HttpStatus.OK).contentType(XML).body(body);
	}

	@GetMapping({ "/forms/{formId}", "/key/{token}/forms/{formId}" })
	ResponseEntity<?> form(@PathVariable(required = false) String token, @PathVariable String formId) {
		if (caller(token).isEmpty()) {
			return unauthorised();
		}
		if (!ScreeningCatalogue.FORM_ID.equals(formId)) {
			return response(HttpStatus.NOT_FOUND, "error", "No form '" + formId + "' here; the form is "
					+ ScreeningCatalogue.FORM_ID);
		}
		return openRosa(HttpStatus.OK).contentType(XML).body(catalogue.current().xml());
	}

	@RequestMapping(method = RequestMethod.HEAD, path = { "/submission", "/key/{token}/submission" })
	ResponseEntity<String> ready(@PathVariable(required = false) String token) {
		if (caller(token).isEmpty()) {
			return unauthorised();
		}
		return openRosa(HttpStatus.NO_CONTENT).build();
	}

	@PostMapping({ "/submission", "/key/{token}/submission" })
	ResponseEntity<String> submit(@PathVariable(required = false) String token, HttpServletRequest request)
			throws IOException {
		Optional<Actor> caller = caller(token);
		if (caller.isEmpty()) {
			return unauthorised();
		}
		if (!(request instanceof MultipartHttpServletRequest multipart)) {
			return response(HttpStatus.BAD_REQUEST, "error",
					"Send the interview as multipart/form-data with the part xml_submission_file");
		}
		MultipartFile file = multipart.getFile("xml_submission_file");
		if (file == null || file.isEmpty()) {
			return response(HttpStatus.BAD_REQUEST, "error", "The part xml_submission_file is missing or empty");
		}
		if (file.getSize() > MAX_SUBMISSION) {
			return response(HttpStatus.PAYLOAD_TOO_LARGE, "error",
					"The interview is larger than " + MAX_SUBMISSION / 1024 + " KB");
		}
		byte[] xml = file.getBytes();
		try {
			SubmittedInstance instance = SubmittedInstance.read(xml);
			Map<String, String> answers = new java.util.LinkedHashMap<>(instance.answers());
			answers.remove("indicators_yes");
			answers.remove("child");
			act(caller.get());
			var submitted = screenings.submit(caller.get(), new NewScreening(instance.formId(),
					instance.formVersion(), "en", answers, null, NewScreening.Source.OPENROSA, xml));
			var screening = submitted.screening();
			String message = (submitted.replay() ? "Already received: " : "Received: ") + screening.outcome()
					+ (screening.nonPunishment() ? ", non-punishment applies" : "") + ". "
					+ screening.nextSteps().get(0).text();
			return response(submitted.replay() ? HttpStatus.OK : HttpStatus.CREATED, "submit_success", message);
		}
		catch (InvalidInputException refused) {
			return response(HttpStatus.BAD_REQUEST, "error", "The interview was not stored: " + refused.errors()
					.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
		}
		catch (ConflictException conflict) {
			return response(HttpStatus.CONFLICT, "error", conflict.getMessage());
		}
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class })
	ResponseEntity<String> tooLarge() {
		return response(HttpStatus.PAYLOAD_TOO_LARGE, "error", "The submission is too large");
	}

	@ExceptionHandler({ MultipartException.class })
	ResponseEntity<String> unreadable() {
		return response(HttpStatus.BAD_REQUEST, "error", "The submission is not readable multipart/form-data");
	}

	private Optional<Actor> caller(String token) {
		if (token != null) {
			return devices.authenticate(token).map(Actor.class::cast);
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean screener = authentication != null && authentication.getAuthorities().stream()
				.anyMatch(a -> "ROLE_SCREENER".equals(a.getAuthority()));
		return screener ? Actor.current() : Optional.empty();
	}

	/** Lets the audit trail name the device for the rest of this request. */
	private static void act(Actor actor) {
		if (actor instanceof DeviceActor) {
			SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
					.authenticated(actor, null, List.of(new SimpleGrantedAuthority("ROLE_SCREENER"))));
		}
	}

	private static String base(HttpServletRequest request, String token) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath()
				+ (token == null ? "" : "/key/" + token);
	}

	private static ResponseEntity<String> unauthorised() {
		return openRosa(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tipx\"")
				.contentType(XML).body(xml("error",
						"Not authorised: set the server URL to the device link your administrator issued"));
	}

	static ResponseEntity<String> response(HttpStatus status, String nature, String message) {
		return openRosa(status).contentType(XML).body(xml(nature, message));
	}

	private static String xml(String nature, String message) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<OpenRosaResponse xmlns="http://openrosa.org/http/response">
				  <message nature="%s">%s</message>
				</OpenRosaResponse>
				""".formatted(nature, HtmlUtils.htmlEscape(message));
	}

	private static ResponseEntity.BodyBuilder openRosa(HttpStatus status) {
		return ResponseEntity.status(status).header("X-OpenRosa-Version", "1.0")
				.header("X-OpenRosa-Accept-Content-Length", String.valueOf(MAX_SUBMISSION));
	}
}
