package org.tipx.flows.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.flows.Assets;
import org.tipx.shared.Actor;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Tlp;
import org.tipx.sharing.Reader;

/**
 * Writing, listing, deleting and importing address tags for the caller's organisation. Tag kinds are spelt as
 * {@link #KINDS}; addresses are canonicalised as the signal exchange writes them, so a tag meets the transfers it is
 * about. Every read and write is audited.
 */
@Service
public class AddressTags {

	/**
	 * The kinds of tag: exchange (a hot wallet), exchange_deposit, otc (OTC desk), mixer, bridge, scam (scam wallet),
	 * victim, mule.
	 */
	public static final List<String> KINDS = List.of("exchange", "exchange_deposit", "otc", "mixer", "bridge", "scam",
			"victim", "mule");

	/** The words for two kinds, accepted on input and answered in the API's spelling. */
	static final Map<String, String> ALIASES = Map.of("otc desk", "otc", "scam wallet", "scam");

	private final TagStore store;

	private final Directory directory;

	private final AuditTrail audit;

	private final BankAccounts bankAccounts;

	private final FlowStore transfers;

	private final SignalWallets signals;

	AddressTags(TagStore store, Directory directory, AuditTrail audit, BankAccounts bankAccounts, FlowStore transfers,
			SignalWallets signals) {
		this.transfers = transfers;
		this.signals = signals;
		this.store = store;
		this.directory = directory;
		this.audit = audit;
		this.bankAccounts = bankAccounts;
	}

	static final String BANK = "bank";

	/** A tag as a caller writes it; tlp defaults to AMBER, which others see only when named or in its group. */
	public record NewTag(String chain, String address, String tag, String name, String source, String tlp,
			UUID sharingGroup, List<UUID> recipients) {
	}

	/** The reader sharing's rule knows for this organisation and account. */
	public Reader reader(UUID organisation, UUID account) {
		return new Reader(organisation, directory.sharingGroupsOf(new OrganisationId(organisation)), account);
	}

	/** The reader for the signed-in caller, who belongs to {@code organisation}. */
	public Reader caller(UUID organisation) {
		return reader(organisation, Actor.current().flatMap(Actor::accountId).orElse(null));
	}

	public Map<String, Object> add(UUID organisation, NewTag request) {
		List<FieldError> errors = new ArrayList<>();
		TagStore.StoredTag tag = check(organisation, request, "", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		boolean added = store.add(tag);
		audit.record(AuditRecord.success("flows.tag.add", "flow_tag", tag.id()).withDetail(tag.tag() + " " + tag.tlp()));
		Map<String, Object> answer = view(tag, organisation);
		answer.put("added", added);
		return answer;
	}

	/** Every tag the caller may see, own and shared, optionally for one chain and address. */
	public List<Map<String, Object>> visible(UUID organisation, String chain, String address) {
		Reader reader = caller(organisation);
		List<Map<String, Object>> tags = new ArrayList<>();
		for (TagStore.StoredTag tag : store.visibleTo(reader)) {
			if ((chain == null || chain.equalsIgnoreCase(tag.chain())) && (address == null || address.equals(tag.address()))) {
				tags.add(view(tag, organisation));
			}
		}
		tags.addAll(reportedWallets(organisation, reader, chain, address));
		audit.record(AuditRecord.success("flows.tag.list", "flow_tag", organisation).withDetail(tags.size() + " tags"));
		return tags;
	}

	/** The most wallets of the organisation's transfers asked of the signal exchange per listing. */
	static final int MAX_WALLETS_ASKED = 100_000;

	/**
	 * Wallets of the organisation's transfers that a signal report the caller may see holds, as read-only "scam"
	 * tags with source "signal exchange" (the same tag a trace gives them). Their TLP is the report's, which the
	 * signals port does not tell, so it is left out ({@code tlp} null); {@code readOnly} says they cannot be deleted
	 * here.
	 */
	private List<Map<String, Object>> reportedWallets(UUID organisation, Reader reader, String chain, String address) {
		String c = chain == null || chain.isBlank() ? null : chain.trim().toLowerCase(Locale.ROOT);
		List<String[]> wallets = transfers.walletAddresses(organisation, c, address, MAX_WALLETS_ASKED);
		List<Map<String, Object>> listed = new ArrayList<>();
		for (int from = 0; from < wallets.size(); from += 1_000) {
			List<String[]> batch = wallets.subList(from, Math.min(wallets.size(), from + 1_000));
			Set<String> asked = new HashSet<>();
			batch.forEach(w -> asked.add(w[1]));
			Set<String> reported = signals.reported(reader, asked);
			for (String[] w : batch) {
				if (reported.contains(w[1])) {
					Map<String, Object> m = new LinkedHashMap<>();
					m.put("chain", w[0]);
					m.put("address", w[1]);
					m.put("tag", "scam");
					m.put("name", null);
					m.put("source", SignalWallets.SOURCE);
					m.put("tlp", null);
					m.put("own", false);
					m.put("readOnly", true);
					listed.add(m);
				}
			}
		}
		return listed;
	}

	/** The tags a trace uses: those the reader may see. */
	public List<FlowStore.Tag> forTracing(Reader reader) {
		return store.visibleTo(reader).stream().map(TagStore.StoredTag::forTracing).toList();
	}

	public void delete(UUID organisation, String chain, String address, String tag, String source) {
		List<FieldError> errors = new ArrayList<>();
		String c = chain(chain, "chain", errors);
		String canonical = c == null ? null : TransferRows.canonicalAddress(c, address == null ? "" : address.trim(),
				"address", errors);
		String kind = kind(tag, "tag", errors);
		if (source == null || source.isBlank()) {
			errors.add(new FieldError("source", "required: the source of the tag to delete"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (!store.delete(organisation, c, canonical, kind, source.trim())) {
			throw new NotFoundException("no tag of your organisation " + kind + " on " + canonical + " from that source");
		}
		audit.record(AuditRecord.success("flows.tag.delete", "flow_tag", organisation).withDetail(kind));
	}

	/** Stores the pack's tags, all or none; unmapped categories are returned, not dropped in silence. */
	@Transactional
	public Map<String, Object> importPack(UUID organisation, String yaml, String requestedTlp) {
		TagPack pack = TagPack.read(yaml);
		String tlp = pack.tlp(requestedTlp).name();
		List<FieldError> errors = new ArrayList<>();
		List<TagStore.StoredTag> tags = new ArrayList<>();
		for (TagPack.Entry entry : pack.mapped()) {
			String at = "tags[" + entry.index() + "].";
			tags.add(check(organisation, new NewTag(entry.chain(), entry.address(), entry.tag(), entry.label(),
					entry.source(), tlp, null, null), at, errors));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int added = 0;
		for (TagStore.StoredTag tag : tags) {
			added += store.add(tag) ? 1 : 0;
		}
		audit.record(AuditRecord.success("flows.tagpack.import", "flow_tag", organisation)
				.withDetail(tags.size() + " tags, " + pack.unmapped().size() + " unmapped"));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("title", pack.title());
		answer.put("tlp", tlp);
		answer.put("received", tags.size() + pack.unmapped().size());
		answer.put("imported", added);
		answer.put("alreadyPresent", tags.size() - added);
		answer.put("unmapped", pack.unmapped().stream().map(u -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("index", u.index());
			m.put("address", u.address());
			m.put("category", u.category());
			m.put("reason", u.reason());
			return m;
		}).toList());
		return answer;
	}

	private TagStore.StoredTag check(UUID organisation, NewTag request, String at, List<FieldError> errors) {
		String chain = chain(request.chain(), at + "chain", errors);
		String kind = kind(request.tag(), at + "tag", errors);
		if (request.source() == null || request.source().isBlank()) {
			errors.add(new FieldError(at + "source", "required: where the tag comes from"));
		}
		else if (request.source().length() > 500) {
			errors.add(new FieldError(at + "source", "at most 500 characters"));
		}
		if (request.name() != null && request.name().length() > 200) {
			errors.add(new FieldError(at + "name", "at most 200 characters"));
		}
		Tlp tlp = tlp(request.tlp(), at + "tlp", errors);
		if (request.sharingGroup() != null && (tlp != Tlp.AMBER
				|| !directory.sharingGroupsOf(new OrganisationId(organisation)).contains(request.sharingGroup()))) {
			errors.add(new FieldError(at + "sharingGroup", "an AMBER tag may go to a sharing group your organisation is in"));
		}
		Set<UUID> recipients = new HashSet<>(request.recipients() == null ? List.of() : request.recipients());
		if (!recipients.isEmpty() && tlp != Tlp.AMBER && tlp != Tlp.RED) {
			errors.add(new FieldError(at + "recipients", "only AMBER and RED tags name recipients"));
		}
		String address = chain == null ? null
				: TransferRows.canonicalAddress(chain, request.address() == null ? "" : request.address().trim(),
						at + "address", errors);
		if (!errors.isEmpty()) {
			return null;
		}
		if (BANK.equals(chain) && !address.startsWith(BankAccounts.PREFIX)) {
			// a bank account is kept only as the token the statements' transfers use (ADR 0027), never as typed
			address = bankAccounts.token(address);
		}
		String name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
		return new TagStore.StoredTag(UUID.randomUUID(), organisation, chain, address, kind, name,
				request.source().strip(), tlp, request.sharingGroup(), recipients);
	}

	static String chain(String text, String field, List<FieldError> errors) {
		String chain = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (!Assets.knownChain(chain)) {
			errors.add(new FieldError(field, "unknown chain; tipx traces " + Assets.chains()));
			return null;
		}
		return chain;
	}

	static String kind(String text, String field, List<FieldError> errors) {
		String kind = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		kind = ALIASES.getOrDefault(kind, kind);
		if (!KINDS.contains(kind)) {
			errors.add(new FieldError(field, "one of " + String.join(", ", KINDS)));
			return null;
		}
		return kind;
	}

	private static Tlp tlp(String text, String field, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return Tlp.AMBER;
		}
		try {
			return Tlp.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('+', '_').replace("TLP:", ""));
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError(field, "CLEAR, GREEN, AMBER, AMBER_STRICT or RED"));
			return Tlp.AMBER;
		}
	}

	private static Map<String, Object> view(TagStore.StoredTag tag, UUID caller) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("chain", tag.chain());
		m.put("address", tag.address());
		m.put("tag", tag.tag());
		m.put("name", tag.name());
		m.put("source", tag.source());
		m.put("tlp", tag.tlp());
		m.put("own", tag.owner().equals(caller));
		m.put("readOnly", !tag.owner().equals(caller));
		return m;
	}
}
