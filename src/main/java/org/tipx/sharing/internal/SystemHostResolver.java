package org.tipx.sharing.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.tipx.sharing.HostResolver;

/**
 * Asks the system resolver, as a connection would.
 */
class SystemHostResolver implements HostResolver {

	@Override
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		return List.of(InetAddress.getAllByName(host));
	}
}
