package org.tipx.flows.web;

import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.OrganisationType;
import org.tipx.shared.Actor;
import org.tipx.shared.ForbiddenException;

/** The caller's organisation, for flows' tag and freeze-request endpoints: the same rule as the trace endpoints. */
@Component
class FlowCallers {

	private final Directory directory;

	FlowCallers(Directory directory) {
		this.directory = directory;
	}

	/** The caller's organisation; an analyst only of a financial intelligence unit. */
	UUID organisation() {
		Actor actor = Actor.current().orElseThrow(() -> new ForbiddenException("sign in"));
		boolean investigator = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
				.anyMatch(a -> a.getAuthority().equals("ROLE_INVESTIGATOR"));
		if (!investigator) {
			OrganisationType type = directory.organisation(new OrganisationId(actor.organisationId()))
					.map(o -> o.type()).orElse(null);
			if (type != OrganisationType.FINANCIAL_INTELLIGENCE_UNIT) {
				throw new ForbiddenException("flow tracing is for investigators and financial intelligence units' analysts");
			}
		}
		return actor.organisationId();
	}
}
