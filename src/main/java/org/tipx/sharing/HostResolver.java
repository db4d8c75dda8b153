package org.tipx.sharing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a webhook's host name to the addresses tipx would connect to. Every address it answers is checked before
 * a webhook is registered and again before each delivery, and the delivery connects only to a checked address. The
 * default asks the system resolver; a test replaces this bean to control what names resolve to.
 */
public interface HostResolver {

	/** Every address the name resolves to; never empty. */
	List<InetAddress> resolve(String host) throws UnknownHostException;
}
