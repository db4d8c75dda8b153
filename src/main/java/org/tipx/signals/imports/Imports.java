package org.tipx.signals.imports;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.tipx.shared.NotFoundException;
import org.tipx.signals.internal.Viewer;

/**
 * The imports an organisation sent. Another organisation's import answers "not found", like one that does not exist.
 */
@Service
public class Imports {

	private final ImportLedger ledger;

	Imports(ImportLedger ledger) {
		this.ledger = ledger;
	}

	public ImportView find(Viewer viewer, UUID id) {
		StoredImport found = ledger.find(id).filter(i -> i.organisationId().equals(viewer.organisationId()))
				.orElseThrow(() -> new NotFoundException("import " + id));
		return ImportView.of(found, ledger.errors(id));
	}

	/** Newest first, without their bad rows. */
	public List<ImportView> ofOrganisation(Viewer viewer, int limit) {
		return ledger.ofOrganisation(viewer.organisationId(), limit).stream().map(i -> ImportView.of(i, null)).toList();
	}
}
