package org.tipx.signals.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.shared.NotFoundException;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.NetworkView;
import org.tipx.signals.reading.NetworkViews;
import org.tipx.signals.reading.ReportReading;
import org.tipx.signals.reading.ReportView;

/**
 * Exports what a caller may see as STIX 2.1 bundles: one report, or one network as the caller sees it. Reading goes
 * through {@link ReportReading} and {@link NetworkViews}, so visibility and auditing are exactly those of the API: a
 * report or network the caller may not see is "not found".
 */
@Service
public class StixExport {

	private final ReportReading reading;

	private final NetworkViews networks;

	private final NetworkNames names;

	private final StixReports reports;

	StixExport(ReportReading reading, NetworkViews networks, NetworkNames names, StixReports reports) {
		this.reading = reading;
		this.networks = networks;
		this.names = names;
		this.reports = reports;
	}

	@Transactional(readOnly = true)
	public Map<String, Object> report(Viewer viewer, UUID reportId) {
		ReportView view = reading.read(viewer, reportId);
		return StixBundles.bundle(List.of(reports.of(viewer, view)));
	}

	/** The network named {@code networkId} as the viewer sees it (the id its network answer gives). */
	@Transactional(readOnly = true)
	public Map<String, Object> network(Viewer viewer, UUID networkId) {
		UUID naming = names.namingReport(networkId).orElseThrow(() -> new NotFoundException("network " + networkId));
		NetworkView network = networks.around(viewer, naming);
		if (!network.networkId().equals(networkId)) {
			// The viewer sees an older report in it, so to this viewer the network has another name.
			throw new NotFoundException("network " + networkId);
		}
		List<ReportObjects> objects = new ArrayList<>();
		for (ReportView view : reading.visibleAmong(viewer, network.reports()).values()) {
			objects.add(reports.of(viewer, view));
		}
		return StixBundles.bundle(objects);
	}
}
