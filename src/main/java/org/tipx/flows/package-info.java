/**
 * Financial flow tracing: transfers on chains and between bank accounts in one time-ordered graph, followed forward
 * from a victim's payment or backward from a cash-out under a stated taint model, to the exchanges where the money can
 * still be frozen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Flows",
		allowedDependencies = { "audit", "directory", "platform", "protection", "shared", "sharing", "signals",
				"signals::canonical" })
package org.tipx.flows;
