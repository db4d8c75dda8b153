/**
 * How organisations share: one audience rule (TLP 2.0, sharing groups, named recipients, the owning organisation)
 * that every read path, count and correlation asks through {@link org.tipx.sharing.Reader#sees}; the one webhook
 * outbox through which any module's events reach an organisation's own system, signed and retried; and the event
 * publication housekeeping that keeps the registry from growing forever. Other modules depend on sharing, never the
 * other way round: they hand it what to deliver through its public types and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing",
		allowedDependencies = { "audit", "directory", "platform", "protection", "shared" })
package org.tipx.sharing;
