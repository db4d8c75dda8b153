/**
 * Recruitment-fraud scoring of job postings: multilingual risk scores with the evidence quoted from the text, feed
 * monitoring, a moderation queue, and links to recruiters already known to the signal exchange.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recruitment",
		allowedDependencies = { "audit", "directory", "platform", "protection", "shared", "sharing", "signals",
				"signals::canonical" })
package org.tipx.recruitment;
