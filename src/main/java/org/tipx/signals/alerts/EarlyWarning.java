package org.tipx.signals.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
import org.tipx.signals.Category;
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
 * reports, links and values the organisation may see. An organisation that follows another country (its
 * {@link AlertSubscription}) is also alerted when a network inside that country grows, before it crosses a border.
 * Every alert so computed then passes the organisation's subscription ({@link AlertFilter#wants}), and is either
 * raised at once or held for its daily digest.
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

	private final AlertSubscriptions subscriptions;

	private final SubscriptionStore followers;

	private final HeldAlerts held;

	EarlyWarning(ReportStore store, AlertStore alerts, Correlation correlation, VisibleNetworks visibleNetworks,
			Directory directory, ApplicationEventPublisher events, Clock clock, AlertSubscriptions subscriptions,
			SubscriptionStore followers, HeldAlerts held) {
		this.store = store;
		this.alerts = alerts;
		this.subscriptions = subscriptions;
		this.followers = followers;
		this.held = held;
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
	 * reports in a network that holds more than one country, or more than one report of a country some organisation
	 * follows, can raise one, so only those are looked at.
	 */
	@ApplicationModuleListener
	void on(ImportFiled filed) {
		int raised = 0;
		List<UUID> candidates = store.importedInMixedNetworks(filed.importId());
		List<UUID> followed = followers.importedInFollowedNetworks(filed.importId());
		if (!followed.isEmpty()) {
			candidates = followers.inFilingOrder(candidates, followed);
		}
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
		Set<UUID> audience;
		if (!capInPlay && members.stream().allMatch(r -> r.reporterCountry().equals(report.reporterCountry()))) {
			// inside one country: only those who follow it may want to hear (usually nobody, so nothing is drawn)
			if (members.size() < AlertSubscription.SMALLEST_NETWORK) {
				return 0;
			}
			Set<UUID> following = followers.followingInside(report.reporterCountry());
			if (following.isEmpty()) {
				return 0;
			}
			audience = audience(members);
			audience.retainAll(following);
		}
		else {
			audience = audience(members);
		}
		VisibleNetworks.Reads reads = visibleNetworks.reads(asFiled ? report.createdAt() : null);
		// Organisations that see the same reports get the same view: draw each distinct view once.
		Map<Set<UUID>, Optional<Finding>> views = new HashMap<>();
		int raised = 0;
		for (UUID organisation : audience) {
			Viewer viewer = new Viewer(organisation, directory.sharingGroupsOf(new OrganisationId(organisation)), null);
			if (!viewer.sees(report, now)) {
				continue;
			}
			Optional<Finding> finding;
			if (capInPlay) {
				VisibleNetworks.Visible visible = visibleNetworks.around(viewer, report, now, reads);
				// empty when the report left the network (retracted, expired, cut) before this alert was computed
				finding = visible.component().isEmpty() ? Optional.empty()
						: find(report, visible.graph(), visible.component(), visible.networkId());
			}
			else {
				List<StoredReport> visible = members.stream().filter(r -> viewer.sees(r, now)).toList();
				Set<UUID> key = visible.stream().map(StoredReport::id).collect(Collectors.toSet());
				finding = views.computeIfAbsent(key, k -> find(report, visible));
			}
			if (finding.isEmpty()) {
				continue;
			}
			AlertSubscription subscription = subscriptions.of(organisation);
			if (AlertFilter.wants(subscription, finding.get().candidate(report))
					&& alert(organisation, subscription, report, finding.get(), now)) {
				raised++;
			}
		}
		return raised;
	}

	/** Raises the alert the organisation wants, at once or held for its digest; false if it already had it. */
	private boolean alert(UUID organisation, AlertSubscription subscription, StoredReport report, Finding finding,
			Instant now) {
		StoredAlert alert = new StoredAlert(UUID.randomUUID(), organisation, report.id(), finding.networkId(),
				finding.linked(), finding.countries(), finding.values(), now);
		if (subscription.digest() == AlertSubscription.Digest.DAILY) {
			// held for the daily digest: no alert of its own, nothing posted to the webhook
			return held.hold(alert);
		}
		if (!alerts.insert(alert)) {
			return false;
		}
		events.publishEvent(new AlertRaised(alert.id(), alert.organisationId()));
		return true;
	}

	/** What one view of the network shows about the new report: nothing, or the reports it links to. */
	private Optional<Finding> find(StoredReport report, List<StoredReport> visible) {
		LinkGraph graph = correlation.graph(visible);
		Set<UUID> component = graph.componentOf(report.id());
		return find(report, graph, component,
				NetworkViews.publicId(component.stream().min(graph.oldestFirst()).orElseThrow()));
	}

	private Optional<Finding> find(StoredReport report, LinkGraph graph, Set<UUID> component, UUID networkId) {
		Set<String> countries = new TreeSet<>();
		Set<Category> categories = EnumSet.noneOf(Category.class);
		List<UUID> linked = new ArrayList<>();
		for (UUID id : component) {
			StoredReport member = graph.report(id);
			countries.add(member.reporterCountry());
			if (member.category() != null) {
				categories.add(member.category());
			}
			if (!member.id().equals(report.id())) {
				linked.add(member.id());
			}
		}
		if (linked.isEmpty()) {
			return Optional.empty();
		}
		Set<ValueKey> values = new LinkedHashSet<>();
		for (Map.Entry<ValueKey, Set<UUID>> link : graph.linksWithin(component).entrySet()) {
			if (link.getValue().contains(report.id())) {
				values.add(link.getKey());
			}
		}
		return Optional.of(new Finding(networkId, List.copyOf(linked), List.copyOf(countries), List.copyOf(values),
				Set.copyOf(categories)));
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
	private record Finding(UUID networkId, List<UUID> linked, List<String> countries, List<ValueKey> values,
			Set<Category> categories) {

		AlertFilter.Candidate candidate(StoredReport report) {
			return new AlertFilter.Candidate(report.reporterCountry(), report.tlp(), Set.copyOf(countries),
					categories, linked.size() + 1);
		}
	}
}
