package org.tipx.signals.canonical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.common.net.InetAddresses;

import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;

/**
 * Web addresses read the way a browser reads them (the WHATWG URL Standard, through Spring's parser), then reduced to
 * the page they lead to: lower-case scheme and host, punycode host, no default port, no user name, no fragment, no
 * tracking parameters, the remaining query sorted and percent-encoding made uniform. The host and its registrable
 * domain are derived; a link to a messaging profile derives the handle, and a WhatsApp link the phone number.
 */
final class WebAddresses implements Canonicaliser {

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.\\-]*:[/\\\\]{2}.*", Pattern.DOTALL);

	private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

	private final DomainNames domains;

	private final MessagingHandles handles;

	private final IpAddresses ips;

	WebAddresses(DomainNames domains, MessagingHandles handles, IpAddresses ips) {
		this.domains = domains;
		this.handles = handles;
		this.ips = ips;
	}

	@Override
	public IndicatorType type() {
		return IndicatorType.URL;
	}

	@Override
	public Canonical canonicalise(RawIndicator indicator) {
		Trail trail = new Trail(IndicatorType.URL);
		String text = indicator.value();
		String rearmed = Defanged.rearm(text);
		if (!rearmed.equals(text)) {
			trail.step("re-armed the defanged address");
			text = rearmed;
		}
		if (!SCHEME.matcher(text).matches()) {
			if (text.regionMatches(true, 0, "tg:", 0, 3) || text.regionMatches(true, 0, "mailto:", 0, 7)
					|| text.regionMatches(true, 0, "tel:", 0, 4)) {
				return trail.invalid(text, "not a web address: file it as messaging_handle, email or phone");
			}
			text = (text.startsWith("//") ? "https:" : "https://") + text;
			trail.step("no scheme given: read as https://, as browsers do");
		}
		Parts url = parse(text);
		if (url == null || url.host() == null || url.host().isEmpty()) {
			return trail.invalid(indicator.value(), "not a web address");
		}
		String scheme = url.scheme();
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return trail.invalid(indicator.value(), "only web addresses (http, https) are read as url; this is " + scheme);
		}
		if (url.userInfo() != null) {
			trail.step("removed \"" + url.userInfo() + "@\" before the host: browsers ignore it and go to "
					+ url.host() + "; it only disguises the address");
			trail.detail("disguise", url.userInfo());
		}
		if (url.host().contains("xn--") && !text.toLowerCase(Locale.ROOT).contains("xn--")) {
			trail.step("wrote the international host name in its DNS form (punycode)");
		}
		String host = ipHost(url.host(), trail);
		if (host == null) {
			Canonical domain = domains.canonicalise(new RawIndicator(IndicatorType.DOMAIN, url.host(), null, null, null));
			trail.followed(domain);
			if (!domain.valid()) {
				return trail.invalid(indicator.value(), "the host " + url.host() + ": " + domain.reason());
			}
			domain.details().forEach(trail::detail);
			trail.deriveFrom(domain);
			host = domain.canonical();
		}
		String port = url.port() == -1 ? "" : ":" + url.port();
		if (port.isEmpty() && hadDefaultPort(text)) {
			trail.step("removed the default port");
		}
		String path = path(url.path());
		String query = query(url.query(), trail);
		if (url.fragment() != null) {
			trail.step("removed the fragment (#" + url.fragment() + "): it never reaches the server");
		}
		String canonical = scheme + "://" + host + port + path + (query.isEmpty() ? "" : "?" + query);
		trail.detail("scheme", scheme);
		if (ProfileLinks.isPlatformHost(host)) {
			Canonical handle = handles.canonicalise(new RawIndicator(IndicatorType.MESSAGING_HANDLE, canonical, null,
					null, indicator.country()));
			if (handle.valid()) {
				String platform = Platform.fromWire(handle.details().get("platform")).map(MessagingHandles::name)
						.orElse("profile");
				trail.step("a " + platform + " link: derived the handle " + handle.canonical());
				trail.deriveFrom(handle);
			}
		}
		return trail.valid(canonical);
	}

	/** The host of a web address (with or without scheme), as a browser reads it; null if there is none. */
	static String hostOf(String text) {
		Parts url = parse(SCHEME.matcher(text).matches() ? text : "https://" + (text.startsWith("//")
				? text.substring(2) : text));
		return url == null || url.host() == null || url.host().isEmpty() ? null : url.host();
	}

	/** An IP address host in its canonical text, derived as an ip if it may link; null if the host is a name. */
	private String ipHost(String parsed, Trail trail) {
		String bare = parsed.startsWith("[") ? parsed.substring(1, parsed.length() - 1) : parsed;
		if (!InetAddresses.isInetAddress(bare)) {
			return null;
		}
		Canonical ip = ips.canonicalise(new RawIndicator(IndicatorType.IP, bare, null, null, null));
		trail.detail("host", ip.canonical()).detail("range", ip.details().get("range"));
		if (ip.valid()) {
			trail.deriveFrom(ip);
		}
		else {
			trail.step("the host is " + ip.reason());
		}
		return parsed.startsWith("[") ? "[" + ip.canonical() + "]" : ip.canonical();
	}

	private static boolean hadDefaultPort(String text) {
		int start = text.indexOf("://") + 3;
		int end = start;
		while (end < text.length() && "/?#\\".indexOf(text.charAt(end)) < 0) {
			end++;
		}
		String authority = text.substring(start, end);
		return authority.endsWith(":80") || authority.endsWith(":443") || authority.endsWith(":");
	}

	/** Percent-encoding made uniform: unreserved characters plain, everything outside ASCII encoded, hex upper case. */
	static String path(String path) {
		if (path == null || path.isEmpty()) {
			return "/";
		}
		return uniformEncoding(path, "/:@!$&'()*+,;=");
	}

	private static String query(String query, Trail trail) {
		if (query == null || query.isEmpty()) {
			return "";
		}
		List<String> removed = new ArrayList<>();
		List<String[]> kept = new ArrayList<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = uniformEncoding(eq < 0 ? pair : pair.substring(0, eq), "!$'()*+,;:@/?");
			String value = eq < 0 ? null : uniformEncoding(pair.substring(eq + 1), "!$'()*+,;:@/?=");
			if (TrackingParameters.isTracking(decoded(name))) {
				removed.add(name);
			}
			else {
				kept.add(new String[] {name, value});
			}
		}
		if (!removed.isEmpty()) {
			trail.step("removed tracking parameters: " + String.join(", ", removed));
		}
		List<String[]> sorted = new ArrayList<>(kept);
		sorted.sort(Comparator.<String[], String>comparing(p -> p[0])
				.thenComparing(p -> p[1] == null ? "" : p[1]));
		if (sorted.size() > 1 && !sameOrder(kept, sorted)) {
			trail.step("sorted the query parameters by name");
		}
		StringBuilder out = new StringBuilder();
		for (String[] pair : sorted) {
			if (!out.isEmpty()) {
				out.append('&');
			}
			out.append(pair[0]);
			if (pair[1] != null) {
				out.append('=').append(pair[1]);
			}
		}
		return out.toString();
	}

	private static boolean sameOrder(List<String[]> a, List<String[]> b) {
		for (int i = 0; i < a.size(); i++) {
			if (a.get(i) != b.get(i)) {
				return false;
			}
		}
		return true;
	}

	private static String decoded(String text) {
		try {
			return UriUtils.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return text;
		}
	}

	private static String uniformEncoding(String text, String keep) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' && i + 3 <= text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
				int b = Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16);
				if (unreserved(b)) {
					out.append((char) b);
				}
				else {
					out.append('%').append(text.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
				}
				i += 2;
			}
			else if (unreserved(c) || keep.indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				int cp = text.codePointAt(i);
				if (Character.charCount(cp) == 2) {
					i++;
				}
				for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
					out.append('%').append(UPPER_HEX[(b >> 4) & 0xf]).append(UPPER_HEX[b & 0xf]);
				}
			}
		}
		return out.toString();
	}

	/** An ASCII hex digit, as {@code [0-9a-fA-F]} (Character.digit would also take full-width digits). */
	private static boolean isHex(char c) {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
	}

	private static boolean unreserved(int c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
				|| c == '~';
	}

	/** The parts of a web address: from the plain-address scanner when it is sure, else from the WHATWG parser. */
	private static Parts parse(String text) {
		Parts plain = PlainUrls.scan(text);
		return plain != null ? plain : parseFully(text);
	}

	/** The parts as the WHATWG parser (through Spring) gives them; null if it refuses the text. */
	static Parts parseFully(String text) {
		UriComponents url = whatWg(text);
		return url == null ? null : new Parts(url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT),
				url.getUserInfo(), url.getHost(), url.getPort(), url.getPath(), url.getQuery(), url.getFragment());
	}

	private static UriComponents whatWg(String text) {
		try {
			return UriComponentsBuilder.fromUriString(text, UriComponentsBuilder.ParserType.WHAT_WG).build();
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/** What canonicalisation reads of a parsed web address; {@code scheme} lower case, {@code port} -1 if none. */
	record Parts(String scheme, String userInfo, String host, int port, String path, String query, String fragment) {
	}

	static Map<String, List<String>> queryParameters(UriComponents url) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		url.getQueryParams().forEach((name, values) -> parameters.put(decoded(name), values.stream()
				.map(v -> v == null ? "" : decoded(v)).toList()));
		return parameters;
	}

	static UriComponents parseLink(String text) {
		return whatWg(SCHEME.matcher(text).matches() ? text : "https://" + text);
	}
}
