package org.tipx.signals.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.util.StreamUtils;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;
import org.tipx.signals.internal.SignalsSettings;
import org.tipx.signals.internal.Viewer;

/**
 * Receives an import file: reads it once as a stream, checks every row, and stages the good ones. Any bad row
 * rejects the whole file, naming every bad row; a clean file is handed to {@link ImportFiling} to be filed. An
 * Idempotency-Key seen before with the same file answers the earlier import and reads nothing into staging.
 */
@Service
public class Receiving {

	static final int MAX_KEY_LENGTH = 200;

	private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

	private final ImportLedger ledger;

	private final Staging staging;

	private final RowCheck rowCheck;

	private final ImportFiling importing;

	private final ImportSettings settings;

	private final SignalsSettings signals;

	private final AuditTrail audit;

	private final Clock clock;

	Receiving(ImportLedger ledger, Staging staging, RowCheck rowCheck, ImportFiling importing, ImportSettings settings,
			SignalsSettings signals, AuditTrail audit, Clock clock) {
		this.ledger = ledger;
		this.staging = staging;
		this.rowCheck = rowCheck;
		this.importing = importing;
		this.settings = settings;
		this.signals = signals;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param contentLength the declared length, or -1 when the body is chunked
	 * @throws ImportRejected    when any row is bad; nothing was filed
	 * @throws ImportTooLarge    when the body is larger than the limit
	 * @throws ConflictException when the key was used for a different file, or its upload is still running
	 */
	public Received receive(Viewer viewer, ImportFormat format, String idempotencyKey, long contentLength,
			InputStream body) {
		return receive(viewer, format, idempotencyKey, contentLength, body, null);
	}

	/**
	 * As {@link #receive(Viewer, ImportFormat, String, long, InputStream)}, keeping the name of the file the sender
	 * chose (sanitised, see {@link FileName}).
	 */
	public Received receive(Viewer viewer, ImportFormat format, String idempotencyKey, long contentLength,
			InputStream body, String fileName) {
		if (contentLength > settings.maxSize().toBytes()) {
			throw new ImportTooLarge(settings.maxSize());
		}
		checkKey(idempotencyKey);
		SizeLimit limited = new SizeLimit(StreamUtils.nonClosing(body), settings.maxSize());
		DigestInputStream bytes = new DigestInputStream(limited, sha256());
		if (idempotencyKey != null) {
			var earlier = ledger.byKey(viewer.organisationId(), idempotencyKey);
			if (earlier.isPresent()) {
				return replay(earlier.get(), bytes);
			}
		}
		UUID id = UUID.randomUUID();
		try {
			ledger.open(id, viewer.organisationId(), viewer.accountId(), format, idempotencyKey,
					FileName.of(fileName).orElse(null), clock.instant());
		}
		catch (DuplicateKeyException e) {
			throw stillReceiving();
		}
		try {
			return new Received(read(id, viewer, format, bytes, limited), false);
		}
		catch (ImportTooLarge e) {
			staging.delete(id);
			RowErrors errors = new RowErrors(1);
			errors.add(RowError.file("is larger than the import limit of " + ImportTooLarge.describe(settings.maxSize())));
			ledger.reject(id, null, limited.count(), 0, errors, e.getMessage(), clock.instant());
			audit.record(new AuditRecord("signals.import", "signal_import", id.toString(), AuditRecord.Outcome.FAILED,
					"rejected: larger than " + ImportTooLarge.describe(settings.maxSize())));
			throw e;
		}
		catch (RuntimeException e) {
			if (!(e instanceof ImportRejected)) {
				staging.delete(id);
				ledger.fail(id, "the upload broke off; nothing was imported", clock.instant());
			}
			throw e;
		}
	}

	private ImportView read(UUID id, Viewer viewer, ImportFormat format, DigestInputStream bytes, SizeLimit limited) {
		RowErrors errors = new RowErrors(settings.maxErrors());
		long rows = 0;
		long lastReport = System.nanoTime();
		List<RowError> found = new ArrayList<>();
		try (Staging.Batch batch = staging.batch(id); RowReader reader = format.open(Utf8Text.reader(StreamUtils.nonClosing(bytes)), settings)) {
			ImportRow row;
			while ((row = reader.next()) != null) {
				rows++;
				found.clear();
				StagedRow staged = rowCheck.check(row, found);
				found.forEach(errors::add);
				if (staged != null) {
					batch.add(staged);
				}
				if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
					ledger.reading(id, limited.count(), rows);
					lastReport = System.nanoTime();
				}
			}
		}
		catch (UnreadableFile e) {
			errors.add(e.error());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		drain(bytes);
		String sha256 = HexFormat.of().formatHex(bytes.getMessageDigest().digest());
		staging.disagreements(id, signals.maxIndicators(), errors::add);
		if (rows == 0 && errors.isEmpty()) {
			errors.add(RowError.file("has no rows"));
		}
		if (!errors.isEmpty()) {
			staging.delete(id);
			String detail = errors.total() + (errors.total() == 1 ? " problem" : " problems")
					+ " found; nothing was imported";
			ledger.reject(id, sha256, limited.count(), rows, errors, detail, clock.instant());
			audit.record(new AuditRecord("signals.import", "signal_import", id.toString(), AuditRecord.Outcome.FAILED,
					"rejected: " + detail + " (rows=" + rows + ")"));
			throw new ImportRejected(view(id));
		}
		ledger.accept(id, sha256, limited.count(), rows, staging.reports(id));
		importing.start(id, viewer);
		return view(id);
	}

	private Received replay(StoredImport earlier, DigestInputStream bytes) {
		if (earlier.state() == ImportState.RECEIVED) {
			throw stillReceiving();
		}
		drain(bytes);
		String sha256 = HexFormat.of().formatHex(bytes.getMessageDigest().digest());
		if (!sha256.equals(earlier.bodySha256())) {
			throw new ConflictException("Idempotency-Key", "was already used for a different file (import "
					+ earlier.id() + "); send a new file with a new key");
		}
		if (earlier.state() == ImportState.REJECTED) {
			throw new ImportRejected(view(earlier.id()));
		}
		return new Received(view(earlier.id()), true);
	}

	private ImportView view(UUID id) {
		return ImportView.of(ledger.find(id).orElseThrow(), ledger.errors(id));
	}

	private static ConflictException stillReceiving() {
		return new ConflictException("Idempotency-Key",
				"an upload with this key is still being received; ask again when it has finished");
	}

	private static void checkKey(String key) {
		if (key == null) {
			return;
		}
		boolean printable = key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !printable) {
			throw new InvalidInputException("Idempotency-Key",
					"must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters, e.g. a UUID");
		}
	}

	private static void drain(InputStream bytes) {
		try {
			bytes.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
