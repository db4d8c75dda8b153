package org.tipx.directory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.Role;
import org.tipx.directory.security.TipxPrincipal;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * Opening, changing and deactivating accounts. ADMIN manages every account; ORG_ADMIN only the accounts of its own
 * organisation, and never an account that holds ADMIN, nor grants ADMIN. Every change is audited. A new account's
 * initial password, like a reset one, must be changed at first login.
 */
@Service
public class AccountAdministration {

	/**
	 * The initial password was chosen by the administrator, who knows it (as with a reset): the owner replaces it
	 * at first login, before anything else.
	 */
	private static final boolean MUST_CHANGE_INITIAL_PASSWORD = true;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

	private final AccountStore accounts;

	private final OrganisationStore organisations;

	private final TokenStore tokens;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	AccountAdministration(AccountStore accounts, OrganisationStore organisations, TokenStore tokens,
			PasswordPolicy policy, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.tokens = tokens;
		this.policy = policy;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public AccountView open(TipxPrincipal caller, NewAccount request) {
		String username = request.username() == null ? "" : request.username().strip().toLowerCase();
		if (!USERNAME.matcher(username).matches()) {
			throw new InvalidInputException("username",
					"must be 3-64 characters: lower-case letters, digits, '.', '_', '-' or '@', starting with a letter or digit");
		}
		if (request.organisationId() == null) {
			throw new InvalidInputException("organisationId", "is required");
		}
		var standing = organisations.standing(new OrganisationId(request.organisationId()));
		if (standing.isEmpty()) {
			throw new InvalidInputException("organisationId", "no organisation with id " + request.organisationId());
		}
		if (!standing.get().active()) {
			throw new InvalidInputException("organisationId", "the organisation is deactivated");
		}
		if (request.roles() == null || request.roles().isEmpty()) {
			throw new InvalidInputException("roles", "at least one role is required, from " + Role.names());
		}
		authoriseManagement(caller, request.organisationId(), request.roles(), "account.create");
		policy.check("password", request.password(), username, request.displayName());
		if (accounts.usernameTaken(username)) {
			audit.record(AuditRecord.denied("account.create", "account", null, "username taken: " + username));
			throw new ConflictException("username", "username '" + username + "' is already taken");
		}
		StoredAccount account = new StoredAccount(UUID.randomUUID(), username, blankToNull(request.displayName()),
				encoder.encode(request.password()), request.organisationId(), EnumSet.copyOf(request.roles()), true,
				MUST_CHANGE_INITIAL_PASSWORD, 0, null, clock.instant(), null, null, 0);
		try {
			accounts.insert(account);
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("username", "username '" + username + "' is already taken");
		}
		audit.record(AuditRecord.success("account.create", "account", account.id())
				.withDetail("username=" + username + " organisation=" + account.organisationId() + " roles="
						+ account.roles()));
		return AccountView.of(account, clock.instant());
	}

	/** The accounts the caller may manage: all for ADMIN, their organisation's for ORG_ADMIN. */
	public List<AccountView> manageable(TipxPrincipal caller) {
		Instant now = clock.instant();
		List<StoredAccount> rows;
		if (caller.has(Role.ADMIN)) {
			rows = accounts.all();
		}
		else if (caller.has(Role.ORG_ADMIN)) {
			rows = accounts.ofOrganisation(caller.organisationId());
		}
		else {
			throw new ForbiddenException("only ADMIN or ORG_ADMIN may list accounts");
		}
		audit.record(AuditRecord.success("account.list", "account", null).withDetail(rows.size() + " accounts"));
		return rows.stream().map(a -> AccountView.of(a, now)).toList();
	}

	/** An organisation's accounts, for the ADMIN looking at its page. */
	public List<AccountView> ofOrganisation(TipxPrincipal caller, UUID organisationId) {
		if (!caller.has(Role.ADMIN)) {
			throw new ForbiddenException("only ADMIN may list another organisation's accounts");
		}
		Instant now = clock.instant();
		List<StoredAccount> rows = accounts.ofOrganisation(organisationId);
		audit.record(AuditRecord.success("account.list", "organisation", organisationId)
				.withDetail(rows.size() + " accounts"));
		return rows.stream().map(a -> AccountView.of(a, now)).toList();
	}

	public AccountView view(TipxPrincipal caller, UUID id) {
		StoredAccount account = manageableAccount(caller, id, "account.read");
		audit.record(AuditRecord.success("account.read", "account", id));
		return AccountView.of(account, clock.instant());
	}

	@Transactional
	public AccountView deactivate(TipxPrincipal caller, UUID id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required: say why the account is deactivated");
		}
		StoredAccount account = manageableAccount(caller, id, "account.deactivate");
		if (account.id().equals(caller.account())) {
			throw new ConflictException("id", "you cannot deactivate your own account");
		}
		Instant now = clock.instant();
		accounts.deactivate(id, now, reason.strip());
		int revoked = tokens.revokeAllOf(id, now);
		audit.record(AuditRecord.success("account.deactivate", "account", id)
				.withDetail("reason=" + reason.strip() + "; tokens revoked=" + revoked));
		return reload(id);
	}

	@Transactional
	public AccountView reactivate(TipxPrincipal caller, UUID id) {
		StoredAccount account = manageableAccount(caller, id, "account.reactivate");
		if (organisations.standing(new OrganisationId(account.organisationId())).map(o -> !o.active()).orElse(true)) {
			throw new ConflictException("id", "the account's organisation is deactivated: reactivate it first");
		}
		accounts.reactivate(id);
		audit.record(AuditRecord.success("account.reactivate", "account", id));
		return reload(id);
	}

	/**
	 * Sets a temporary password; the owner must choose a new one at next login. Their tokens are revoked and their
	 * open sessions end.
	 */
	@Transactional
	public AccountView resetPassword(TipxPrincipal caller, UUID id, String temporaryPassword) {
		StoredAccount account = manageableAccount(caller, id, "account.password_reset");
		policy.check("temporaryPassword", temporaryPassword, account.username(), account.displayName());
		accounts.resetPassword(id, encoder.encode(temporaryPassword));
		accounts.unlock(id);
		tokens.revokeAllOf(id, clock.instant());
		audit.record(AuditRecord.success("account.password_reset", "account", id));
		return reload(id);
	}

	@Transactional
	public AccountView unlock(TipxPrincipal caller, UUID id) {
		manageableAccount(caller, id, "account.unlock");
		accounts.unlock(id);
		audit.record(AuditRecord.success("account.unlock", "account", id));
		return reload(id);
	}

	@Transactional
	public AccountView changeRoles(TipxPrincipal caller, UUID id, Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new InvalidInputException("roles", "at least one role is required, from " + Role.names());
		}
		StoredAccount account = manageableAccount(caller, id, "account.roles");
		authoriseManagement(caller, account.organisationId(), roles, "account.roles");
		if (account.id().equals(caller.account()) && account.isAdmin() && !roles.contains(Role.ADMIN)) {
			throw new ConflictException("roles", "you cannot remove ADMIN from your own account");
		}
		accounts.setRoles(id, roles);
		audit.record(AuditRecord.success("account.roles", "account", id)
				.withDetail(account.roles() + " -> " + EnumSet.copyOf(roles)));
		return reload(id);
	}

	/**
	 * A person changes their own password, proving they know the current one. Their other browser sessions end; the
	 * answer is the account's new security stamp, which the session that made the change carries on with.
	 */
	@Transactional
	public long changeOwnPassword(TipxPrincipal caller, String currentPassword, String newPassword) {
		if (caller.machine()) {
			throw new ForbiddenException("machine tokens have no password");
		}
		StoredAccount account = accounts.find(caller.account()).orElseThrow(() -> new NotFoundException("account"));
		if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
			audit.record(AuditRecord.denied("account.password_change", "account", account.id(), "wrong current password"));
			throw new InvalidInputException("currentPassword", "is not your current password");
		}
		policy.check("newPassword", newPassword, account.username(), account.displayName());
		if (encoder.matches(newPassword, account.passwordHash())) {
			throw new InvalidInputException("newPassword", "must differ from the current password");
		}
		long stamp = accounts.changePassword(account.id(), encoder.encode(newPassword));
		audit.record(AuditRecord.success("account.password_change", "account", account.id()));
		return stamp;
	}

	private StoredAccount manageableAccount(TipxPrincipal caller, UUID id, String action) {
		StoredAccount account = accounts.find(id).orElseThrow(() -> new NotFoundException("account " + id));
		if (caller.has(Role.ADMIN)) {
			return account;
		}
		if (caller.has(Role.ORG_ADMIN) && account.organisationId().equals(caller.organisationId())) {
			if (account.isAdmin()) {
				audit.record(AuditRecord.denied(action, "account", id, "ORG_ADMIN may not manage an ADMIN account"));
				throw new ForbiddenException("an ORG_ADMIN may not manage an account that holds ADMIN");
			}
			return account;
		}
		audit.record(AuditRecord.denied(action, "account", id, "outside the caller's organisation"));
		if (caller.has(Role.ORG_ADMIN)) {
			// Do not confirm that an account exists in another organisation.
			throw new NotFoundException("account " + id);
		}
		throw new ForbiddenException("only ADMIN or ORG_ADMIN may manage accounts");
	}

	private void authoriseManagement(TipxPrincipal caller, UUID organisationId, Set<Role> roles, String action) {
		if (caller.has(Role.ADMIN)) {
			return;
		}
		if (!caller.has(Role.ORG_ADMIN)) {
			audit.record(AuditRecord.denied(action, "account", null, "caller is neither ADMIN nor ORG_ADMIN"));
			throw new ForbiddenException("only ADMIN or ORG_ADMIN may manage accounts");
		}
		if (!organisationId.equals(caller.organisationId())) {
			audit.record(AuditRecord.denied(action, "account", null, "ORG_ADMIN outside its organisation"));
			throw new ForbiddenException("an ORG_ADMIN may only manage accounts of its own organisation");
		}
		if (roles.contains(Role.ADMIN)) {
			audit.record(AuditRecord.denied(action, "account", null, "ORG_ADMIN tried to grant ADMIN"));
			throw new ForbiddenException("an ORG_ADMIN may not grant the ADMIN role");
		}
	}

	private AccountView reload(UUID id) {
		return AccountView.of(accounts.find(id).orElseThrow(() -> new NotFoundException("account " + id)),
				clock.instant());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
