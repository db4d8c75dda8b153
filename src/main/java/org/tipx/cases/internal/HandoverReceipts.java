package org.tipx.cases.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tipx.federation.Federation;
import org.tipx.federation.Peer;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.ExpectedFailure;

/**
 * Posts the signed receipt for a package that opened a case here to the installation that sent it, after the case is
 * committed. A peer that cannot be reached leaves the event publication incomplete, so it is tried again (on restart,
 * or when an administrator resubmits it); a sender that is no longer a trusted peer is not told.
 */
@Component
class HandoverReceipts {

	private static final Logger log = LoggerFactory.getLogger(HandoverReceipts.class);

	private final HandoverArrivals arrivals;

	private final Federation federation;

	HandoverReceipts(HandoverArrivals arrivals, Federation federation) {
		this.arrivals = arrivals;
		this.federation = federation;
	}

	@ApplicationModuleListener
	void on(HandoverArrivals.HandoverOpened opened) {
		Peer peer = federation.peer(opened.fromInstance()).orElse(null);
		if (peer == null) {
			log.warn("Handover {} opened, but its sender {} is not a trusted peer: no receipt sent",
					opened.packageId(), opened.fromInstance());
			return;
		}
		Federation.PeerReply reply;
		try {
			reply = federation.post(peer, "/api/v1/handovers/receipts", arrivals.receiptFor(opened));
		}
		catch (IllegalStateException e) {
			log.warn("Receipt for handover {} not delivered: {}", opened.packageId(), e.getMessage());
			throw new ExpectedFailure("receipt not delivered");
		}
		if (!reply.ok()) {
			log.warn("Receipt for handover {} refused by {}: {}", opened.packageId(), peer.name(), reply.status());
			throw new ExpectedFailure("receipt refused");
		}
		arrivals.receiptDelivered(opened.packageId());
	}

	/** The handover columns a key rotation re-seals. */
	@Configuration(proxyBeanMethods = false)
	static class SealedHandoverColumns {

		@Bean
		SealedColumn handoverPackage() {
			return Handovers.PACKAGE;
		}

		@Bean
		SealedColumn handoverConsentOverride() {
			return Handovers.OVERRIDE;
		}

		@Bean
		SealedColumn arrivedPackage() {
			return HandoverArrivals.PACKAGE;
		}
	}
}
