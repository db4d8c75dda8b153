package org.tipx.signals.taxii;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.NotFoundException;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.Viewer;

/**
 * The collections a caller sees: its organisation's own reports (the one it may write to), each sharing group it
 * belongs to, and the community's TLP GREEN and CLEAR reports. Another organisation's or group's collection does not
 * exist for it (404), as a report it may not see does not.
 */
@Service
public class TaxiiCollections {

	private final Directory directory;

	TaxiiCollections(Directory directory) {
		this.directory = directory;
	}

	public List<TaxiiCollection> of(Viewer viewer) {
		OrganisationId organisation = new OrganisationId(viewer.organisationId());
		String name = directory.organisation(organisation).map(Organisation::name).orElse("this organisation");
		List<TaxiiCollection> collections = new ArrayList<>();
		collections.add(new TaxiiCollection(viewer.organisationId(), "Reports of " + name,
				"Every report " + name + " filed, at every TLP level", ReportStore.Shelf.ORGANISATION,
				viewer.organisationId(), true));
		for (Map.Entry<UUID, String> group : directory.sharingGroupNamesOf(organisation).entrySet()) {
			collections.add(new TaxiiCollection(group.getKey(), "Sharing group " + group.getValue(),
					"Reports addressed to the sharing group " + group.getValue() + " that " + name + " may see",
					ReportStore.Shelf.SHARING_GROUP, group.getKey(), false));
		}
		collections.add(new TaxiiCollection(TaxiiCollection.COMMUNITY, "Community (TLP:GREEN and TLP:CLEAR)",
				"Reports every organisation of the exchange may see", ReportStore.Shelf.COMMUNITY, null, false));
		return collections;
	}

	/** The caller's collection with this id; "not found" for any other. */
	public TaxiiCollection find(Viewer viewer, String id) {
		return of(viewer).stream().filter(c -> c.id().toString().equalsIgnoreCase(id)).findFirst()
				.orElseThrow(() -> new NotFoundException("collection " + id));
	}
}
