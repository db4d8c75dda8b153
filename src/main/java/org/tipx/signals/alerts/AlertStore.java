package org.tipx.signals.alerts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Repository;
import org.tipx.shared.Actor;
import org.tipx.sharing.Inbox;
import org.tipx.sharing.InboxEntry;
import org.tipx.sharing.InboxItem;
import org.tipx.sharing.InboxState;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.internal.ValueKey;

import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts as items of kind {@value #KIND} in their organisation's inbox (sharing): the triage is the inbox's, the
 * payload (the new report, the linked reports, the network, countries and values, as the organisation could see
 * them when the alert was raised) is signals' own.
 */
@Repository
class AlertStore {

	static final String KIND = "signals.alert";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Inbox inbox;

	AlertStore(Inbox inbox) {
		this.inbox = inbox;
	}

	/** Stores a new alert; false if the organisation was already alerted about this report. */
	boolean insert(StoredAlert alert) {
		return inbox.deliver(new InboxItem(alert.id(), KIND, alert.organisationId(), alert.reportId().toString(),
				payload(alert), alert.createdAt()));
	}

	/** The JSON an alert keeps: in the inbox, or held for a digest. */
	static String payload(StoredAlert alert) {
		return JSON.writeValueAsString(new Payload(alert.reportId(), alert.networkId(), alert.linkedReports(),
				alert.countries(),
				alert.values().stream().map(v -> new Payload.Value(v.type().wire(), v.canonical())).toList()));
	}

	/** An alert held for a digest, read back from its payload: never triaged on its own. */
	static StoredAlert held(UUID id, UUID organisationId, String payload, Instant createdAt) {
		Payload p = JSON.readValue(payload, Payload.class);
		return new StoredAlert(id, organisationId, p.reportId(), p.networkId(), p.linkedReports(), p.countries(),
				values(p), createdAt);
	}

	Optional<StoredAlert> find(UUID id) {
		return inbox.find(KIND, id).map(AlertStore::alert);
	}

	List<StoredAlert> ofOrganisation(UUID organisationId, AlertState state, int limit) {
		return inbox.of(organisationId, KIND, state == null ? null : InboxState.valueOf(state.name()), limit).stream()
				.map(AlertStore::alert).toList();
	}

	void triage(UUID id, AlertState state, String note, UUID by, Instant at) {
		inbox.triage(KIND, id, new Inbox.Triage(InboxState.valueOf(state.name()), note, by,
				Actor.current().map(Actor::name).orElse(null), at));
	}

	private static StoredAlert alert(InboxEntry entry) {
		Payload p = JSON.readValue(entry.payload(), Payload.class);
		return new StoredAlert(entry.id(), entry.organisationId(), p.reportId(), p.networkId(), p.linkedReports(),
				p.countries(), values(p), AlertState.valueOf(entry.state().name()), entry.note(), entry.createdAt(),
				entry.updatedAt(), entry.acknowledgedBy(), entry.acknowledgedAt());
	}

	/** The evidence, in a stable order: by type, then value. */
	private static List<ValueKey> values(Payload p) {
		return p.values().stream()
				.sorted(Comparator.comparing(Payload.Value::type).thenComparing(Payload.Value::canonical))
				.map(v -> new ValueKey(IndicatorType.fromWire(v.type()).orElseThrow(), v.canonical())).toList();
	}

	/** What signals keeps in the inbox item. */
	record Payload(UUID reportId, UUID networkId, List<UUID> linkedReports, List<String> countries,
			List<Value> values) {

		record Value(String type, String canonical) {
		}
	}
}
