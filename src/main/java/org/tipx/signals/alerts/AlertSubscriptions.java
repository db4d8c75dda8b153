package org.tipx.signals.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;
import org.tipx.signals.internal.Viewer;

/**
 * Each organisation's alert subscription: read by whoever raises alerts, set by the organisation's focal points.
 * Without a stored subscription an organisation has {@link AlertSubscription#defaults the defaults}.
 */
@Service
public class AlertSubscriptions {

	private final SubscriptionStore store;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	AlertSubscriptions(SubscriptionStore store, Directory directory, AuditTrail audit, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** The subscription alerts for this organisation are filtered with; the defaults if none is stored. */
	@Transactional(readOnly = true)
	public AlertSubscription of(UUID organisationId) {
		// an organisation the directory no longer knows keeps the defaults rather than stopping early warning
		String own = directory.organisation(new OrganisationId(organisationId)).map(Organisation::country)
				.map(CountryCode::value).orElse("");
		return store.find(organisationId, own).orElseGet(() -> AlertSubscription.defaults(own));
	}

	/** The subscription of the viewer's organisation. */
	@Transactional(readOnly = true)
	public AlertSubscription current(Viewer viewer) {
		return of(viewer.organisationId());
	}

	/**
	 * Replaces the viewer's organisation's subscription; every field is checked first and nothing is stored if one is
	 * refused. The organisation's own country is kept whether or not it is listed.
	 */
	@Transactional
	public AlertSubscription set(Viewer viewer, Choice choice) {
		String own = ownCountry(viewer.organisationId());
		List<FieldError> errors = new ArrayList<>();
		Set<String> countries = new TreeSet<>();
		for (String country : choice.countries() == null ? List.<String>of() : choice.countries()) {
			try {
				countries.add(CountryCode.parse("countries", country).value());
			}
			catch (InvalidInputException refused) {
				errors.addAll(refused.errors());
			}
		}
		Set<Category> categories = new TreeSet<>();
		for (String category : choice.categories() == null ? List.<String>of() : choice.categories()) {
			try {
				categories.add(Category.valueOf(category == null ? "" : category.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException unknown) {
				errors.add(new FieldError("categories",
						"'" + category + "' is not a category; one of " + Category.names()));
			}
		}
		int minNetworkSize = choice.minNetworkSize() == null ? AlertSubscription.SMALLEST_NETWORK
				: choice.minNetworkSize();
		if (minNetworkSize < 1) {
			errors.add(new FieldError("minNetworkSize", "must be at least 1"));
		}
		Tlp tlpFloor = choice.tlpFloor() == null || choice.tlpFloor().isBlank() ? Tlp.CLEAR
				: parse(Tlp.class, "tlpFloor", choice.tlpFloor(), Tlp.names(), errors);
		AlertSubscription.Digest digest = choice.digest() == null || choice.digest().isBlank()
				? AlertSubscription.Digest.NONE
				: parse(AlertSubscription.Digest.class, "digest", choice.digest(),
						List.of("NONE", "DAILY"), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		AlertSubscription subscription = new AlertSubscription(own, countries, categories, minNetworkSize, tlpFloor,
				digest);
		store.save(viewer.organisationId(), subscription, viewer.accountId(), clock.instant());
		audit.record(AuditRecord.success("signals.alert.subscription", "signal_alert_subscription",
				viewer.organisationId()).withDetail("countries=" + subscription.countries() + " categories="
						+ subscription.categories() + " minNetworkSize=" + minNetworkSize + " tlpFloor=" + tlpFloor
						+ " digest=" + digest));
		return subscription;
	}

	private String ownCountry(UUID organisationId) {
		return directory.organisation(new OrganisationId(organisationId)).map(Organisation::country)
				.map(CountryCode::value).orElseThrow(() -> new NotFoundException("organisation " + organisationId));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<String> allowed,
			List<FieldError> errors) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			errors.add(new FieldError(field, "'" + value + "' is not one of " + allowed));
			return null;
		}
	}

	/**
	 * What a focal point asks for; missing fields take the defaults (no other country, every category, networks of
	 * 2 reports, every marking, no digest).
	 */
	public record Choice(List<String> countries, List<String> categories, Integer minNetworkSize, String tlpFloor,
			String digest) {
	}
}
