package org.tipx.signals;

import java.util.UUID;

/**
 * Published when a report is filed and correlated. Carries ids only: listeners read what they may see through the
 * signals API, so the event never widens who learns what.
 *
 * @param networkId     the network the report joined (after any merge)
 * @param mergedNetworks ids of networks that were merged into it by this report
 */
public record ReportFiled(ReportId report, UUID organisationId, UUID networkId, java.util.Set<UUID> mergedNetworks) {
}
