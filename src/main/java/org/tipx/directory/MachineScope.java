package org.tipx.directory;

import java.util.regex.Pattern;

/**
 * A permission a machine token may carry. Each module declares its scopes as beans; machine tokens may only be
 * issued with declared scopes, and act with the authority {@code SCOPE_<id>} and no role.
 *
 * @param id          e.g. {@code signals:read}
 * @param description one sentence an administrator reads before granting it
 */
public record MachineScope(String id, String description) {

	private static final Pattern ID = Pattern.compile("[a-z]+:[a-z_]+");

	public MachineScope {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("scope id must look like module:verb, was " + id);
		}
	}

	public String authority() {
		return "SCOPE_" + id;
	}
}
