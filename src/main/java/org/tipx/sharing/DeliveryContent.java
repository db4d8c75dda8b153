package org.tipx.sharing;

import java.util.Optional;

/**
 * What a module posts for its {@link Deliverable} events. A module that publishes such events declares one bean of
 * this type; the outbox asks each bean in turn and posts the first content it gets, as JSON.
 */
public interface DeliveryContent {

	/** Whether this module draws the body of the event. */
	boolean draws(Deliverable event);

	/**
	 * The body as the recipient may see it now; empty when nothing is left to tell it (the item was withdrawn or is
	 * no longer visible), in which case nothing is posted and the delivery counts as done.
	 */
	Optional<Object> draw(Deliverable event);
}
