package org.tipx.signals;

import java.util.UUID;

/**
 * Published when an organisation gets an early-warning alert. Carries ids only: whoever delivers it reads the alert
 * as that organisation may see it.
 */
public record AlertRaised(UUID alertId, UUID organisationId) {
}
