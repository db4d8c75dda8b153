package org.tipx.signals.internal;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.Actor;

/**
 * Builds the {@link Viewer} for the current request from the authenticated actor and the directory.
 */
@Component
public class Viewers {

	private final Directory directory;

	Viewers(Directory directory) {
		this.directory = directory;
	}

	public Viewer current() {
		Actor actor = Actor.current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not authenticated"));
		return new Viewer(actor.organisationId(), directory.sharingGroupsOf(new OrganisationId(actor.organisationId())),
				actor.accountId().orElse(null));
	}

	/** The country of the viewer's organisation, where local values are read when no country is given. */
	public java.util.Optional<org.tipx.shared.CountryCode> countryOf(Viewer viewer) {
		return directory.organisation(new OrganisationId(viewer.organisationId()))
				.map(org.tipx.directory.Organisation::country);
	}
}
