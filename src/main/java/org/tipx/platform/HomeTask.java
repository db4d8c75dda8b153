package org.tipx.platform;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a role can do, offered on its card on the home page and, when it has a page, in the navigation. Modules
 * declare their tasks as beans. A task without a page is announced as coming and never linked, so the shell shows no
 * dead links.
 *
 * @param role the role that may do it, by name, e.g. {@code ADMIN}
 * @param key  message key of its name; {@code key + ".summary"} is the sentence that describes it
 * @param path the page that does it, beginning with {@code /}; null while the page is not built
 */
public record HomeTask(String role, String key, String path) {

	private static final Pattern ROLE = Pattern.compile("[A-Z_]+");

	public HomeTask {
		if (role == null || !ROLE.matcher(role).matches()) {
			throw new IllegalArgumentException("role must be a role name such as ADMIN, was " + role);
		}
		Objects.requireNonNull(key, "message key");
		if (path != null && !path.startsWith("/")) {
			throw new IllegalArgumentException("path must start with /, was " + path);
		}
	}

	/** A task done on the page at {@code path}. */
	public static HomeTask page(String role, String key, String path) {
		return new HomeTask(role, key, Objects.requireNonNull(path, "path"));
	}

	/** A task whose page is not built yet. */
	public static HomeTask coming(String role, String key) {
		return new HomeTask(role, key, null);
	}

	public boolean linked() {
		return path != null;
	}
}
