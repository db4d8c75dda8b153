package org.tipx.signals.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.signals.internal.Viewer;

/**
 * Daily digests: for an organisation that chose {@link AlertSubscription.Digest#DAILY}, the alerts early warning
 * would have raised one by one are held, and once a day (06:00 UTC unless configured otherwise) everything held since
 * its previous digest goes out as one digest, shown on the alerts page and by
 * {@code GET /api/v1/signals/alerts/digests}.
 */
@Service
public class AlertDigests {

	private static final Logger log = LoggerFactory.getLogger(AlertDigests.class);

	private final HeldAlerts held;

	private final Alerts alerts;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	AlertDigests(HeldAlerts held, Alerts alerts, AuditTrail audit, Clock clock, PlatformTransactionManager tx) {
		this.held = held;
		this.alerts = alerts;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(tx);
	}

	@Scheduled(cron = "${tipx.signals.alerts.digest-cron:0 0 6 * * *}", zone = "UTC")
	void daily() {
		deliver(clock);
	}

	/**
	 * Delivers a digest to every organisation with alerts held up to the clock's instant; returns how many digests
	 * went out. Each organisation's digest is gathered in its own transaction, so one failure delays only that one.
	 */
	public int deliver(Clock at) {
		Instant now = at.instant();
		int delivered = 0;
		for (UUID organisation : held.waiting(now)) {
			Integer gathered = transaction.execute(s -> held.gather(UUID.randomUUID(), organisation, now));
			if (gathered != null && gathered > 0) {
				delivered++;
			}
		}
		if (delivered > 0) {
			log.info("Alert digests: {} organisation(s) got their daily digest", delivered);
		}
		return delivered;
	}

	/** The organisation's recent digests, newest first, each alert re-checked against what it may see now. */
	public List<DigestView> of(Viewer viewer, int limit) {
		List<DigestView> digests = held.digests(viewer.organisationId(), limit).stream()
				.map(d -> new DigestView(d.id(), d.day(), d.createdAt(), held.inDigest(d.id()).stream()
						.map(a -> alerts.view(viewer, a)).flatMap(Optional::stream).toList()))
				.toList();
		audit.record(AuditRecord.success("signals.alert.digest.list", "signal_alert", viewer.organisationId())
				.withDetail("digests=" + digests.size()));
		return digests;
	}
}
