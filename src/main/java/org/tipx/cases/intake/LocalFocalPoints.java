package org.tipx.cases.intake;

import org.springframework.stereotype.Component;
import org.tipx.directory.Directory;
import org.tipx.shared.CountryCode;

/**
 * Forwarding to the focal points of a country on this instance: one inbox item for each organisation of the country
 * that has an active FOCAL_POINT account.
 */
@Component
class LocalFocalPoints implements IntakeForwarding {

	private final Directory directory;

	private final IntakeItems items;

	LocalFocalPoints(Directory directory, IntakeItems items) {
		this.directory = directory;
		this.items = items;
	}

	@Override
	public int forward(FiledIntake intake, CountryCode country) {
		int told = 0;
		for (var organisation : directory.focalPointsOf(country)) {
			if (items.deliver(intake, organisation.id().value(), country)) {
				told++;
			}
		}
		return told;
	}
}
