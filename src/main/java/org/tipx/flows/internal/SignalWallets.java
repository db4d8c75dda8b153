package org.tipx.flows.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.tipx.sharing.Reader;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.KnownIdentifiers;
import org.tipx.signals.KnownIdentifiers.Identifier;

/**
 * Wallets reported in the signal exchange, as the reader may know them there: asked per trace through the signals
 * port {@link KnownIdentifiers}, so a wallet only in reports the reader may not see is not tagged. Addresses are in the
 * signal exchange's canonical form already (transfers are canonicalised by it on import).
 */
@Component
class SignalWallets {

	/** The source of a tag that comes from the signal exchange. */
	static final String SOURCE = "signal exchange";

	private final KnownIdentifiers known;

	SignalWallets(KnownIdentifiers known) {
		this.known = known;
	}

	/** The addresses among {@code addresses} (canonical, on-chain) that a visible report holds. */
	Set<String> reported(Reader reader, Set<String> addresses) {
		List<Identifier> asked = new ArrayList<>();
		for (String address : addresses) {
			asked.add(new Identifier(IndicatorType.CRYPTO_ADDRESS, address));
		}
		Set<String> reported = new HashSet<>();
		for (Identifier id : known.knownTo(reader.organisationId(), reader.accountId(), asked)) {
			reported.add(id.canonical());
		}
		return reported;
	}
}
