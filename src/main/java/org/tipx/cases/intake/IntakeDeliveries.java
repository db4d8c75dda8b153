package org.tipx.cases.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tipx.federation.Federation;
import org.tipx.federation.Peer;
import org.tipx.shared.ExpectedFailure;

/**
 * Posts, after the filing or the acknowledgement is committed, what goes to a peer installation: a public report's
 * signed package to {@code /api/v1/intakes/import}, and a signed acknowledgement back to
 * {@code /api/v1/intakes/acknowledgements}. A peer that cannot be reached, or refuses, leaves the event publication
 * incomplete so that it is tried again (on restart, or when an administrator resubmits it); a peer that already has
 * the package (409) has it. A peer no longer trusted is not told.
 */
@Component
class IntakeDeliveries {

	private static final Logger log = LoggerFactory.getLogger(IntakeDeliveries.class);

	private final PeerFocalPoints peers;

	private final IntakeArrivals arrivals;

	private final Federation federation;

	IntakeDeliveries(PeerFocalPoints peers, IntakeArrivals arrivals, Federation federation) {
		this.peers = peers;
		this.arrivals = arrivals;
		this.federation = federation;
	}

	@ApplicationModuleListener
	void on(PeerFocalPoints.IntakeForwarded forwarded) {
		Peer peer = federation.peer(forwarded.toInstance()).orElse(null);
		if (peer == null) {
			log.warn("Intake {} not forwarded: {} is no longer a trusted peer", forwarded.intakeId(),
					forwarded.toInstance());
			return;
		}
		Federation.PeerReply reply = post(peer, "/api/v1/intakes/import",
				peers.packageFor(forwarded.intakeId(), peer, forwarded.country()), "intake " + forwarded.intakeId());
		if (!reply.ok() && reply.status() != 409) {
			log.warn("Intake {} refused by {}: {}", forwarded.intakeId(), peer.name(), reply.status());
			throw new ExpectedFailure("intake refused");
		}
		peers.delivered(forwarded.intakeId(), peer.name());
	}

	@ApplicationModuleListener
	void on(IntakeArrivals.ReceivedIntakeAcknowledged acknowledged) {
		Peer peer = federation.peer(acknowledged.fromInstance()).orElse(null);
		if (peer == null) {
			log.warn("Acknowledgement of intake {} not sent: {} is no longer a trusted peer",
					acknowledged.originIntakeId(), acknowledged.fromInstance());
			return;
		}
		Federation.PeerReply reply = post(peer, "/api/v1/intakes/acknowledgements",
				arrivals.acknowledgementFor(acknowledged), "acknowledgement of intake " + acknowledged.originIntakeId());
		if (!reply.ok()) {
			log.warn("Acknowledgement of intake {} refused by {}: {}", acknowledged.originIntakeId(), peer.name(),
					reply.status());
			throw new ExpectedFailure("acknowledgement refused");
		}
	}

	private Federation.PeerReply post(Peer peer, String path, String json, String what) {
		try {
			return federation.post(peer, path, json);
		}
		catch (IllegalStateException e) {
			log.warn("{} not delivered: {}", what, e.getMessage());
			throw new ExpectedFailure(what + " not delivered");
		}
	}
}
