package org.tipx.federation.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.federation.Federation;
import org.tipx.federation.Instance;
import org.tipx.federation.Peer;
import org.tipx.federation.SignerCheck;
import org.tipx.protection.InstanceKeys;
import org.tipx.protection.PublicKeyset;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.NotFoundException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This installation and the peers an administrator registered: registering (with the keys given, or fetched from the
 * peer's well-known document once the administrator confirms its fingerprint), listing, removing (which stops trusting
 * what the peer signs at once), checking signatures, and posting to a peer. Every change is audited.
 */
@Service
public class Peers implements Federation {

	static final String WELL_KNOWN = "/.well-known/tipx-instance";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final InstanceKeys keys;

	private final FederationSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	private final HttpClient http;

	Peers(JdbcClient jdbc, InstanceKeys keys, FederationSettings settings, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
				.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** A key as given in a registration: its use, the keyset, and optionally the fingerprint the admin expects. */
	public record KeyIn(String use, String keyset, String fingerprint) {
	}

	/**
	 * A peer to register: either its name, country, address and public keys, or its address and the fingerprint the
	 * administrator confirmed with the peer's administrator (the rest is fetched from its well-known document).
	 */
	public record Registration(String name, String country, String baseUrl, List<KeyIn> publicKeys,
			String fingerprint) {
	}

	@Override
	public Instance self() {
		return new Instance(settings.instanceName(), new CountryCode(settings.instanceCountry()), keys.publicKeys());
	}

	@Override
	public List<Peer> peers() {
		return jdbc.sql("SELECT * FROM federation_peer ORDER BY name").query((rs, n) -> peer(rs)).list();
	}

	@Override
	public Optional<Peer> peer(String name) {
		return jdbc.sql("SELECT * FROM federation_peer WHERE name = ?").param(name).query((rs, n) -> peer(rs))
				.optional();
	}

	/** A peer by id, for its administrator. */
	public Peer peer(UUID id) {
		return jdbc.sql("SELECT * FROM federation_peer WHERE id = ?").param(id).query((rs, n) -> peer(rs)).optional()
				.orElseThrow(() -> new NotFoundException("Peer"));
	}

	@Override
	public SignerCheck verify(String claimedInstance, byte[] data, String signature) {
		Instance self = self();
		Optional<Instance> signer = self.name().equals(claimedInstance) ? Optional.of(self)
				: claimedInstance == null ? Optional.empty() : peer(claimedInstance).map(Peer::instance);
		if (signer.isEmpty()) {
			return new SignerCheck(SignerCheck.Outcome.NOT_TRUSTED, claimedInstance, false);
		}
		boolean verifies = signature != null && signer.get().keys(PublicKeyset.SIGN).verifies(data, signature);
		return new SignerCheck(verifies ? SignerCheck.Outcome.VERIFIED : SignerCheck.Outcome.BAD_SIGNATURE,
				claimedInstance, signer.get() == self);
	}

	@Override
	public PeerReply post(Peer peer, String path, String json) {
		String base = new PeerAddress(settings.peersAllowInsecure()).check("baseUrl", peer.baseUrl());
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(settings.timeout())
				.header("Content-Type", "application/json").header("Accept", "application/json")
				.header("Authorization", AUTHORIZATION_SCHEME + settings.instanceName())
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new PeerReply(response.statusCode(), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException("peer " + peer.name() + " could not be reached: " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while posting to peer " + peer.name());
		}
	}

	/**
	 * Registers a peer.
	 *
	 * @throws InvalidInputException naming every field that is wrong; nothing is stored
	 * @throws ConflictException     when a peer of that name exists, or the fetched fingerprint differs
	 */
	@Transactional
	public Peer register(Actor actor, Registration request) {
		if (request == null) {
			throw new InvalidInputException("body", "name, country, baseUrl and publicKeys, or baseUrl and fingerprint");
		}
		String base = new PeerAddress(settings.peersAllowInsecure()).check("baseUrl", request.baseUrl());
		Registration full = request;
		if (request.publicKeys() == null || request.publicKeys().isEmpty()) {
			if (request.fingerprint() == null || request.fingerprint().isBlank()) {
				throw new InvalidInputException(List.of(new FieldError("publicKeys",
						"give the peer's public keys, or its fingerprint to fetch them from its well-known document")));
			}
			full = fetched(base, request.fingerprint().strip());
		}
		List<FieldError> errors = new ArrayList<>();
		String name = full.name() == null ? null : full.name().strip();
		if (name == null || !NAME.matcher(name).matches()) {
			errors.add(new FieldError("name", "is required: letters, digits, dot, dash or underscore, at most 80"));
		}
		else if (name.equals(settings.instanceName())) {
			errors.add(new FieldError("name", "is this installation's own name"));
		}
		CountryCode country = null;
		try {
			country = CountryCode.parse("country", full.country());
		}
		catch (InvalidInputException e) {
			errors.addAll(e.errors());
		}
		List<PublicKeyset> keysets = keysets(full.publicKeys(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instance instance = new Instance(name, country, keysets);
		if (request.fingerprint() != null && !request.fingerprint().isBlank()
				&& !instance.fingerprint().equalsIgnoreCase(request.fingerprint().strip())) {
			throw new ConflictException("fingerprint", "does not match the keys (" + instance.fingerprint()
					+ "): confirm the fingerprint with the peer's administrator");
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					INSERT INTO federation_peer (id, name, country, base_url, public_keys, fingerprint, registered_by,
					  registered_at) VALUES (?,?,?,?,?::jsonb,?,?,?)""")
					.params(id, name, country.value(), base, JSON.writeValueAsString(keysets), instance.fingerprint(),
							actor.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
					.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("name", "a peer named " + name + " is already registered: remove it first");
		}
		audit.record(AuditRecord.success("federation.peer.register", "peer", id)
				.withDetail(name + " (" + country.value() + ") fingerprint " + instance.fingerprint()));
		return peer(id);
	}

	/** Removes a peer: from now on what it signs is refused. */
	@Transactional
	public void remove(UUID id) {
		Peer peer = peer(id);
		jdbc.sql("DELETE FROM federation_peer WHERE id = ?").param(id).update();
		audit.record(AuditRecord.success("federation.peer.remove", "peer", id).withDetail(peer.name()));
	}

	private Registration fetched(String base, String fingerprint) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + WELL_KNOWN)).timeout(settings.timeout())
				.header("Accept", "application/json").GET().build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new InvalidInputException("baseUrl",
						"the peer's well-known document answered " + response.statusCode());
			}
			JsonNode document = JSON.readTree(response.body());
			List<KeyIn> keyIns = new ArrayList<>();
			for (JsonNode key : document.path("publicKeys").values()) {
				keyIns.add(new KeyIn(key.path("use").asString(null), key.path("keyset").asString(null), null));
			}
			return new Registration(document.path("name").asString(null), document.path("country").asString(null),
					base, keyIns, fingerprint);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException("baseUrl", "the peer's well-known document could not be read");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InvalidInputException("baseUrl", "interrupted while fetching the peer's well-known document");
		}
	}

	private static List<PublicKeyset> keysets(List<KeyIn> given, List<FieldError> errors) {
		List<PublicKeyset> keysets = new ArrayList<>();
		if (given == null || given.isEmpty()) {
			errors.add(new FieldError("publicKeys", "is required: the peer's sign and encrypt public keysets"));
			return keysets;
		}
		for (int i = 0; i < given.size(); i++) {
			KeyIn key = given.get(i);
			try {
				PublicKeyset keyset = new PublicKeyset(key == null ? null : key.use(), key == null ? null : key.keyset());
				if (key.fingerprint() != null && !key.fingerprint().equalsIgnoreCase(keyset.fingerprint())) {
					errors.add(new FieldError("publicKeys[" + i + "].fingerprint", "does not match the keyset"));
				}
				else if (keysets.stream().anyMatch(k -> k.use().equals(keyset.use()))) {
					errors.add(new FieldError("publicKeys[" + i + "].use", "is given twice"));
				}
				else {
					keysets.add(keyset);
				}
			}
			catch (IllegalArgumentException e) {
				errors.add(new FieldError("publicKeys[" + i + "]", e.getMessage()));
			}
		}
		for (String use : List.of(PublicKeyset.SIGN, PublicKeyset.ENCRYPT)) {
			if (errors.isEmpty() && keysets.stream().noneMatch(k -> k.use().equals(use))) {
				errors.add(new FieldError("publicKeys", "needs a " + use + " keyset"));
			}
		}
		keysets.sort((a, b) -> a.use().compareTo(b.use()) * -1);
		return keysets;
	}

	private static Peer peer(ResultSet rs) throws SQLException {
		List<PublicKeyset> keysets = JSON.readValue(rs.getString("public_keys"),
				new TypeReference<List<PublicKeyset>>() {
				});
		return new Peer(rs.getObject("id", UUID.class),
				new Instance(rs.getString("name"), new CountryCode(rs.getString("country")), keysets),
				rs.getString("base_url"), rs.getString("registered_by"),
				rs.getObject("registered_at", OffsetDateTime.class).toInstant());
	}
}
