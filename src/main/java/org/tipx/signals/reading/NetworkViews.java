package org.tipx.signals.reading;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.signals.correlation.VisibleNetworks;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;

/**
 * Draws a report's network as the viewer may see it: only visible reports, linked only through visible reports.
 * Hidden reports are absent from members, links, counts and paths alike, and change none of them (see
 * {@link VisibleNetworks}).
 */
@Service
public class NetworkViews {

	private final ReportReading reading;

	private final ReportStore store;

	private final VisibleNetworks networks;

	private final AuditTrail audit;

	private final Clock clock;

	NetworkViews(ReportReading reading, ReportStore store, VisibleNetworks networks, AuditTrail audit, Clock clock) {
		this.reading = reading;
		this.store = store;
		this.networks = networks;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public NetworkView around(Viewer viewer, UUID reportId) {
		StoredReport report = reading.visible(viewer, reportId);
		Instant now = clock.instant();
		if (!report.activeAt(now)) {
			audit.record(AuditRecord.success("signals.network.read", "signal_report", reportId));
			return new NetworkView(publicId(reportId), List.of(reportId), List.of(), List.of());
		}
		VisibleNetworks.Visible visible = networks.around(viewer, report, now);
		Set<UUID> component = visible.component();
		List<NetworkView.Link> links = new ArrayList<>();
		for (Map.Entry<ValueKey, Set<UUID>> link : visible.graph().linksWithin(component).entrySet()) {
			links.add(new NetworkView.Link(link.getKey().type().wire(), link.getKey().canonical(),
					List.copyOf(link.getValue())));
		}
		audit.record(AuditRecord.success("signals.network.read", "signal_report", reportId)
				.withDetail("visible reports=" + component.size()));
		return new NetworkView(visible.networkId(), List.copyOf(component), links, suggestions(viewer, component, now));
	}

	/** Reports outside the network that share a name or alias with it: leads for an analyst, never links. */
	private List<NetworkView.Link> suggestions(Viewer viewer, Set<UUID> component, Instant now) {
		List<NetworkView.Link> suggestions = new ArrayList<>();
		Set<ValueKey> seen = new java.util.HashSet<>();
		for (StoredIndicator indicator : store.indicatorsOf(component)) {
			if (!indicator.type().weak() || !indicator.valid() || !seen.add(indicator.key())) {
				continue;
			}
			Set<UUID> others = new TreeSet<>();
			store.holding(indicator.key()).stream().filter(r -> !component.contains(r.id()) && viewer.sees(r, now))
					.filter(r -> r.activeAt(now)).forEach(r -> others.add(r.id()));
			if (!others.isEmpty()) {
				suggestions.add(new NetworkView.Link(indicator.type().wire(), indicator.canonical(), List.copyOf(others)));
			}
		}
		return suggestions;
	}

	/**
	 * A network is named after its oldest report, as the viewer sees it. So when networks merge the older name survives,
	 * after a cut the part holding the oldest report keeps it, and the name depends on nothing the viewer cannot see.
	 */
	public static UUID publicId(UUID oldestReport) {
		return UUID.nameUUIDFromBytes(("tipx-network/" + oldestReport).getBytes(StandardCharsets.UTF_8));
	}
}
