package org.tipx.directory.internal;

import java.util.Set;
import java.util.UUID;

import org.tipx.directory.Role;

/**
 * A request to open an account, already parsed into domain types.
 */
public record NewAccount(String username, String displayName, String password, UUID organisationId, Set<Role> roles) {
}
