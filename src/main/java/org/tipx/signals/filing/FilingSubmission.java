package org.tipx.signals.filing;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.NotFoundException;
import org.tipx.signals.ReportId;
import org.tipx.signals.ReportSubmission;
import org.tipx.signals.internal.Viewer;

/**
 * {@link ReportSubmission} by way of {@link Filing}, so a report from another module is checked, canonicalised,
 * correlated and audited exactly as one from the report API.
 */
@Service
class FilingSubmission implements ReportSubmission {

	private final Filing filing;

	private final Directory directory;

	FilingSubmission(Filing filing, Directory directory) {
		this.filing = filing;
		this.directory = directory;
	}

	@Override
	@Transactional
	public ReportId submit(Submission s) {
		OrganisationId organisation = new OrganisationId(s.organisationId());
		Organisation filer = directory.organisation(organisation)
				.orElseThrow(() -> new NotFoundException("organisation " + s.organisationId()));
		Viewer viewer = new Viewer(s.organisationId(), directory.sharingGroupsOf(organisation), s.accountId());
		NewReport report = new NewReport(s.title(), s.description(), filer.country().value(), s.observedAt(),
				s.category().name(), s.tlp().name(), null, null, null,
				s.identifiers().stream().map(i -> new NewReport.NewIndicator(i.type().wire(), i.value(),
						i.platform() == null ? null : i.platform().wire(), null)).toList());
		UUID id = filing.file(viewer, report, "recruitment moderation").report().id();
		return new ReportId(id);
	}
}
