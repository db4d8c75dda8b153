package org.tipx.signals.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.Tlp;
import org.tipx.signals.AlertRaised;
import org.tipx.signals.ReportFiled;
import org.tipx.signals.correlation.Correlation;
import org.tipx.signals.correlation.LinkGraph;
import org.tipx.signals.correlation.VisibleNetworks;
import org.tipx.signals.imports.ImportFiled;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.NetworkViews;

/**
 * Cross-border early warning. When a new report links into a network that holds reports from another country, every
 * organisation that may see the new report and, through reports it may see, a linked report from another country,
 * gets one alert. Each alert is computed from that organisation's own view of the network, so it names only
 * reports, links and values the organisation may see.
 */
@Component
class EarlyWarning {

	private static final Logger log = LoggerFactory.getLogger(EarlyWarning.class);

	private final ReportStore store;

	private final AlertStore alerts;

	private final Correlation correlation;

	private final VisibleNetworks visibleNetworks;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EarlyWarning(ReportStore store, AlertStore alerts, Correlation correlation, VisibleNetworks visibleNetworks,
			Directory directory, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.alerts = alerts;
		this.correlation = correlation;
		this.visibleNetworks = visibleNetworks;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ReportFiled filed) {
		int raised = raise(filed.report().value());
		if (raised > 0) {
			log.info("Early warning: report {} linked across a border; {} organisation(s) alerted",
					filed.report().value(), raised);
		}
	}

	/**
	 * Raises the alerts for the reports of a bulk import, in the order they were filed, each judged on its network as
	 * it stood when that report was filed (the reports filed before it), as if each had been filed on its own. Only
	 * reports in a network that holds more than one country can raise one, so only those are looked at.
	 */
	@ApplicationModuleListener
	void on(ImportFiled filed) {
		int raised = 0;
		List<UUID> candidates = store.importedInMixedNetworks(filed.importId());
		for (UUID report : candidates) {
			raised += raise(report, true);
		}
		log.info("Early warning for import {}: {} report(s) in cross-border networks, {} alert(s) raised",
				filed.importId(), candidates.size(), raised);
	}

	/** Raises the alerts for a freshly filed report; returns how many organisations were alerted. */
	int raise(UUID reportId) {
		return raise(reportId, false);
	}

	private int raise(UUID reportId, boolean asFiled) {
		Instant now = clock.instant();
		StoredReport report = store.find(reportId).filter(r -> r.activeAt(now)).orElse(null);
		if (report == null) {
			return 0;
		}
		List<StoredReport> members = store.inNetwork(report.networkId()).stream().filter(r -> r.activeAt(now))
				.filter(r -> !asFiled || !r.createdAt().isAfter(report.createdAt())).toList();
		// A value the cap flagged may still link for an organisation that sees few of its holders, possibly to
		// reports of other networks and countries: then each organisation's view is drawn on its own.
		boolean capInPlay = visibleNetworks.capInPlay(members.stream().map(StoredReport::id).toList());
		if (!capInPlay && members.stream().allMatch(r -> r.reporterCountry().equals(report.reporterCountry()))) {
			return 0;
		}
		VisibleNetworks.Reads reads = visibleNetworks.reads(asFiled ? report.createdAt() : null);
		// Organisations that see the same reports get the same view: draw each distinct view once.
		Map<Set<UUID>, Optional<Finding>> views = new HashMap<>();
		int raised = 0;
		for (UUID organisation : audience(members)) {
			Viewer viewer = new Viewer(organisation, directory.sharingGroupsOf(new OrganisationId(organisation)), null);
			if (!viewer.sees(report, now)) {
				continue;
			}
			Optional<Finding> finding;
			if (capInPlay) {
				VisibleNetworks.Visible visible = visibleNetworks.around(viewer, report, now, reads);
				finding = find(report, visible.graph(), visible.component(), visible.networkId());
			}
			else {
				List<StoredReport> visible = members.stream().filter(r -> viewer.sees(r, now)).toList();
				Set<UUID> key = visible.stream().map(StoredReport::id).collect(Collectors.toSet());
				finding = views.computeIfAbsent(key, k -> find(report, visible));
			}
			if (finding.isPresent() && alert(organisation, report, finding.get(), now)) {
				raised++;
			}
		}
		return raised;
	}

	private boolean alert(UUID organisation, StoredReport report, Finding finding, Instant now) {
		StoredAlert alert = new StoredAlert(UUID.randomUUID(), organisation, report.id(), finding.networkId(),
				finding.linked(), finding.countries(), finding.values(), now);
		if (!alerts.insert(alert)) {
			return false;
		}
		events.publishEvent(new AlertRaised(alert.id(), alert.organisationId()));
		return true;
	}

	/** What one view of the network shows about the new report: nothing, or a link across a border. */
	private Optional<Finding> find(StoredReport report, List<StoredReport> visible) {
		LinkGraph graph = correlation.graph(visible);
		Set<UUID> component = graph.componentOf(report.id());
		return find(report, graph, component,
				NetworkViews.publicId(component.stream().min(graph.oldestFirst()).orElseThrow()));
	}

	private Optional<Finding> find(StoredReport report, LinkGraph graph, Set<UUID> component, UUID networkId) {
		Set<String> countries = new TreeSet<>();
		List<UUID> linked = new ArrayList<>();
		boolean foreign = false;
		for (UUID id : component) {
			StoredReport member = graph.report(id);
			countries.add(member.reporterCountry());
			foreign |= !member.reporterCountry().equals(report.reporterCountry());
			if (!member.id().equals(report.id())) {
				linked.add(member.id());
			}
		}
		if (!foreign) {
			return Optional.empty();
		}
		Set<ValueKey> values = new LinkedHashSet<>();
		for (Map.Entry<ValueKey, Set<UUID>> link : graph.linksWithin(component).entrySet()) {
			if (link.getValue().contains(report.id())) {
				values.add(link.getKey());
			}
		}
		return Optional.of(new Finding(networkId, List.copyOf(linked), List.copyOf(countries), List.copyOf(values)));
	}

	/** Who could possibly see reports of the network: everyone if one is CLEAR or GREEN, else the named audiences. */
	private Set<UUID> audience(List<StoredReport> members) {
		Set<UUID> audience = new LinkedHashSet<>();
		if (members.stream().anyMatch(r -> r.tlp() == Tlp.CLEAR || r.tlp() == Tlp.GREEN)) {
			directory.organisations().stream().map(Organisation::id).map(OrganisationId::value).forEach(audience::add);
			return audience;
		}
		for (StoredReport member : members) {
			audience.add(member.organisationId());
			audience.addAll(member.recipients());
			if (member.sharingGroupId() != null) {
				directory.sharingGroupMembers(member.sharingGroupId()).forEach(o -> audience.add(o.value()));
			}
		}
		return audience;
	}

	/** The network as one view shows it: its id, the reports linked to the new one, their countries, the evidence. */
	private record Finding(UUID networkId, List<UUID> linked, List<String> countries, List<ValueKey> values) {
	}
}
