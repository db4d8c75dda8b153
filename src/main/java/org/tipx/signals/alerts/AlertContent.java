package org.tipx.signals.alerts;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.sharing.Deliverable;
import org.tipx.sharing.DeliveryContent;
import org.tipx.signals.AlertRaised;
import org.tipx.signals.internal.Viewer;

/**
 * What the outbox posts for an alert: the alert as its organisation sees it at delivery time, the same view as
 * {@code GET /api/v1/signals/alerts/{id}}.
 */
@Component
class AlertContent implements DeliveryContent {

	private final Alerts alerts;

	private final Directory directory;

	AlertContent(Alerts alerts, Directory directory) {
		this.alerts = alerts;
		this.directory = directory;
	}

	@Override
	public boolean draws(Deliverable event) {
		return event instanceof AlertRaised;
	}

	@Override
	public Optional<Object> draw(Deliverable event) {
		AlertRaised raised = (AlertRaised) event;
		Viewer recipient = new Viewer(raised.organisationId(),
				directory.sharingGroupsOf(new OrganisationId(raised.organisationId())), null);
		return alerts.find(raised.alertId()).flatMap(a -> alerts.view(recipient, a)).map(Object.class::cast);
	}
}
