package org.tipx.signals.blindmatch;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipx.shared.CountryCode;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The blind-match command-line client (ADR 0033), run without Spring:
 * {@code java -jar tipx.jar blind-match [--url URL] [--token TOKEN] [--country CC] FILE}. Reads a CSV of
 * {@code type,value[,country]} (a first line starting {@code type,} is a header; a messaging handle is written
 * {@code platform:handle}, e.g. {@code telegram:@name}), canonicalises each value with the
 * same code as tipx, keys it (and the values it implies) with the organisation's key, sends only the keyed values,
 * and prints the values tipx holds in reports the caller may see. The base URL and token come from the options or
 * from {@code TIPX_URL} and {@code TIPX_TOKEN}. Nothing of a value leaves the machine but its keyed form.
 */
public final class BlindMatchClient {

	static final String USAGE = "usage: blind-match [--url URL] [--token TOKEN] [--country CC] FILE\n"
			+ "  FILE: CSV lines type,value[,country]; types: " + String.join(", ", IndicatorType.wireNames()) + "\n"
			+ "  a messaging handle is written platform:handle, e.g. telegram:@name\n"
			+ "  URL and TOKEN default to the environment variables TIPX_URL and TIPX_TOKEN";

	private final URI base;

	private final String token;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	public BlindMatchClient(URI base, String token) {
		this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
		this.token = token;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
	}

	public static void main(String[] args) {
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	/** Runs the command; answers the exit status (0 done, 1 failed, 2 misused). */
	public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
		String url = env.get("TIPX_URL");
		String token = env.get("TIPX_TOKEN");
		String country = null;
		String file = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			boolean hasValue = i + 1 < args.length;
			if (arg.equals("--url") && hasValue) {
				url = args[++i];
			}
			else if (arg.equals("--token") && hasValue) {
				token = args[++i];
			}
			else if (arg.equals("--country") && hasValue) {
				country = args[++i];
			}
			else if (!arg.startsWith("--") && file == null) {
				file = arg;
			}
			else {
				err.println(USAGE);
				return 2;
			}
		}
		if (file == null || url == null || url.isBlank() || token == null || token.isBlank()) {
			err.println(USAGE);
			return 2;
		}
		try {
			List<Row> rows = read(Path.of(file), country, err);
			List<Found> found = new BlindMatchClient(URI.create(url), token).match(rows);
			for (Found f : found) {
				out.println("line " + f.row().line() + ": " + f.row().type().wire() + " " + f.row().value() + " ("
						+ f.canonical() + ") is known in " + f.reports().size() + " report(s) you may see:");
				f.reports().forEach(r -> out.println("  - " + r));
			}
			out.println(found.size() + " of " + rows.size() + " values matched.");
			return 0;
		}
		catch (IOException | RuntimeException e) {
			err.println("blind-match failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
			return 1;
		}
	}

	/** Reads and canonicalises the CSV; lines that do not read are reported on {@code err} and skipped. */
	public static List<Row> read(Path file, String defaultCountry, PrintStream err) throws IOException {
		Canonicalisers canonicalisers = Canonicalisers.standard();
		List<Row> rows = new ArrayList<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int n = 0; n < lines.size(); n++) {
			String line = lines.get(n);
			if (line.isBlank() || (n == 0 && line.strip().toLowerCase().startsWith("type,"))) {
				continue;
			}
			List<String> fields = fields(line);
			IndicatorType type = fields.isEmpty() ? null : IndicatorType.fromWire(fields.get(0).strip()).orElse(null);
			if (type == null || fields.size() < 2) {
				err.println("line " + (n + 1) + ": skipped: expected type,value[,country] with a type among "
						+ IndicatorType.wireNames());
				continue;
			}
			String countryText = fields.size() > 2 && !fields.get(2).isBlank() ? fields.get(2) : defaultCountry;
			CountryCode country;
			try {
				country = countryText == null ? null : CountryCode.parse("country", countryText.strip());
			}
			catch (RuntimeException e) {
				err.println("line " + (n + 1) + ": skipped: not a country code");
				continue;
			}
			String value = fields.get(1);
			Platform platform = null;
			int colon = value.indexOf(':');
			if (type == IndicatorType.MESSAGING_HANDLE && colon > 0
					&& Platform.fromWire(value.substring(0, colon).strip().toLowerCase()).isPresent()) {
				platform = Platform.fromWire(value.substring(0, colon).strip().toLowerCase()).orElseThrow();
				value = value.substring(colon + 1);
			}
			Canonical canonical = canonicalisers.canonicalise(new RawIndicator(type, value, platform, null, country));
			if (!canonical.valid()) {
				err.println("line " + (n + 1) + ": skipped: " + canonical.reason());
				continue;
			}
			rows.add(new Row(n + 1, type, fields.get(1), canonical));
		}
		return rows;
	}

	/** Sends the keyed values of {@code rows} and answers the rows tipx knows, with the reports it shows. */
	public List<Found> match(List<Row> rows) throws IOException {
		JsonNode key = call(HttpRequest.newBuilder(base.resolve("api/v1/signals/blind-match/key")).GET());
		if (!BlindMatchScheme.NAME.equals(key.get("scheme").asString())) {
			throw new IOException("the server speaks " + key.get("scheme").asString() + ", this client "
					+ BlindMatchScheme.NAME);
		}
		byte[] secret = Base64.getUrlDecoder().decode(key.get("key").asString());
		Map<String, List<Keyed>> byHash = new LinkedHashMap<>();
		for (Row row : rows) {
			byHash.computeIfAbsent(BlindMatchScheme.keyed(secret, row.type(), row.canonical().canonical()),
					h -> new ArrayList<>()).add(new Keyed(row, row.canonical().canonical()));
			for (Canonical.Derived d : row.canonical().derived()) {
				byHash.computeIfAbsent(BlindMatchScheme.keyed(secret, d.type(), d.canonical()), h -> new ArrayList<>())
						.add(new Keyed(row, d.canonical()));
			}
		}
		Map<Integer, Found> found = new LinkedHashMap<>();
		List<String> hashes = new ArrayList<>(byHash.keySet());
		for (int from = 0; from < hashes.size(); from += BlindMatching.MAX_VALUES) {
			List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + BlindMatching.MAX_VALUES));
			String body = json.writeValueAsString(Map.of("hashes", chunk));
			JsonNode answer = call(HttpRequest.newBuilder(base.resolve("api/v1/signals/blind-match"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
			for (JsonNode match : answer.get("matches")) {
				List<String> reports = new ArrayList<>();
				for (JsonNode r : match.get("reports")) {
					reports.add(r.get("title").asString() + " (" + r.get("organisation").asString() + ", "
							+ r.get("country").asString() + ", TLP:" + r.get("tlp").asString() + ", observed "
							+ r.get("observedAt").asString() + ", report " + r.get("id").asString() + ")");
				}
				for (Keyed keyed : byHash.getOrDefault(match.get("hash").asString(), List.of())) {
					Found before = found.get(keyed.row().line());
					Set<String> all = new LinkedHashSet<>(before == null ? List.of() : before.reports());
					all.addAll(reports);
					found.put(keyed.row().line(), new Found(keyed.row(),
							before == null ? keyed.canonical() : before.canonical(), List.copyOf(all)));
				}
			}
		}
		return found.values().stream().sorted(Comparator.comparingInt(f -> f.row().line())).toList();
	}

	private JsonNode call(HttpRequest.Builder request) throws IOException {
		HttpResponse<String> response;
		try {
			response = http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
					.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		if (response.statusCode() != 200) {
			throw new IOException("the server answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

	/** CSV fields: commas separate; a field in double quotes may hold commas, and "" for a quote. */
	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	/** A CSV line read and canonicalised. */
	public record Row(int line, IndicatorType type, String value, Canonical canonical) {
	}

	/** A line whose value (or a value it implies) tipx knows, with the reports it shows, described. */
	public record Found(Row row, String canonical, List<String> reports) {
	}

	private record Keyed(Row row, String canonical) {
	}
}
