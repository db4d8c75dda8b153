package org.tipx.signals.reading;

import java.util.List;
import java.util.UUID;

/**
 * The part of a network a viewer may see, around one report.
 *
 * @param networkId   named after the oldest report the viewer sees in it, so that it reveals nothing hidden: two
 *                    visible parts joined only through hidden reports get different ids
 * @param reports     the visible reports connected to the report through visible reports
 * @param links       each value linking them, with the reports it links (the evidence)
 * @param suggestions weak matches (similar names or aliases) with visible reports outside the network; never merged
 */
public record NetworkView(UUID networkId, List<UUID> reports, List<Link> links, List<Link> suggestions) {

	/** A canonical value shared by these reports. */
	public record Link(String type, String canonical, List<UUID> reports) {
	}
}
