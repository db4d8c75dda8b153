package org.tipx.federation;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may ask of the federation: who this installation is, which peers it trusts, who signed a
 * document, and posting a document to a peer.
 */
public interface Federation {

	/** The scheme of the {@code Authorization} header a peer's post carries instead of a token: its own name. */
	String AUTHORIZATION_SCHEME = "TipxInstance ";

	/** This installation. */
	Instance self();

	/** The trusted peers, by name. */
	List<Peer> peers();

	/** A trusted peer by its name. */
	Optional<Peer> peer(String name);

	/**
	 * Checks a detached signature of {@code data} said to come from {@code claimedInstance}, against this
	 * installation's own keys (when it names itself) or a trusted peer's.
	 */
	SignerCheck verify(String claimedInstance, byte[] data, String signature);

	/**
	 * Posts a JSON document to a peer ({@code baseUrl + path}) as this installation, after checking the peer's address.
	 *
	 * @return the peer's status and body
	 * @throws IllegalStateException when the peer cannot be reached or its address is refused
	 */
	PeerReply post(Peer peer, String path, String json);

	/** A peer's answer. */
	record PeerReply(int status, String body) {

		public boolean ok() {
			return status >= 200 && status < 300;
		}
	}
}
