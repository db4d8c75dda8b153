package org.tipx.signals.alerts;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.tipx.shared.Tlp;
import org.tipx.signals.Category;

/**
 * What one organisation chooses to be alerted about. Alerts are always computed from the organisation's own view of
 * a network (only reports it may see); the subscription then decides which of them it wants, and how they reach it.
 *
 * @param ownCountry     the organisation's country: always followed, never removable
 * @param countries      the countries it follows, its own always among them. A network that crosses a border alerts
 *                       it whichever countries it holds (as always); a network that stays inside one followed country
 *                       other than its own alerts it too, before it crosses any border
 * @param categories     the categories of report it is alerted about: the network as it sees it must hold a report of
 *                       one of them (the new one or a linked one); empty means every category
 * @param minNetworkSize the fewest reports the network as it sees it must hold, the new one included (at least 1)
 * @param tlpFloor       the least restrictive marking of a new report that may alert it: {@code AMBER} means only
 *                       AMBER, AMBER_STRICT and RED reports alert, CLEAR means every report does
 * @param digest         {@link Digest#DAILY}: the alerts are held and delivered once a day as one digest
 */
public record AlertSubscription(String ownCountry, Set<String> countries, Set<Category> categories,
		int minNetworkSize, Tlp tlpFloor, Digest digest) {

	/** The smallest network that can alert at all: the new report and one it links to. */
	static final int SMALLEST_NETWORK = 2;

	public AlertSubscription {
		Objects.requireNonNull(ownCountry, "own country");
		Objects.requireNonNull(tlpFloor, "TLP floor");
		Objects.requireNonNull(digest, "digest");
		if (minNetworkSize < 1) {
			throw new IllegalArgumentException("minimum network size must be at least 1");
		}
		Set<String> followed = new TreeSet<>(countries);
		followed.add(ownCountry);
		countries = java.util.Collections.unmodifiableSet(followed);
		categories = java.util.Collections.unmodifiableSet(new TreeSet<>(categories));
	}

	/** With nothing chosen: every alert of today's early warning, one by one. */
	public static AlertSubscription defaults(String ownCountry) {
		return new AlertSubscription(ownCountry, Set.of(), Set.of(), SMALLEST_NETWORK, Tlp.CLEAR, Digest.NONE);
	}

	/** Whether networks inside this country alert the organisation before they cross a border. */
	boolean followsInside(String country) {
		return !country.equals(ownCountry) && countries.contains(country);
	}

	/** How alerts reach the organisation. */
	public enum Digest {
		/** One alert per new report that links, as soon as it links. */
		NONE,
		/** The day's alerts together, once a day. */
		DAILY
	}
}
