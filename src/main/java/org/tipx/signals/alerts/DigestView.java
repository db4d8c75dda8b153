package org.tipx.signals.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A daily digest as its organisation sees it now: the alerts gathered that day, each shown as far as the organisation
 * may still see its reports (an alert whose new report it no longer sees is left out, as in the inbox).
 *
 * @param day       the day (UTC) the digest went out
 * @param createdAt when it went out
 * @param alerts    the alerts it gathered, oldest first
 */
public record DigestView(UUID id, LocalDate day, Instant createdAt, List<AlertView> alerts) {
}
