package org.tipx.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;

/**
 * Canonicalisation rate per indicator type on one core, beside the bare library call for the same phone values
 * (libphonenumber parse + E.164 format). Each invocation reduces one value, so ops/s = values/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NormaliseBenchmark {

	private static final int VALUES = 16_384;

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

	private RawIndicator[] phone;

	private RawIndicator[] email;

	private RawIndicator[] url;

	private RawIndicator[] handle;

	private RawIndicator[] wallet;

	private RawIndicator[] mixed;

	private int next;

	@Setup
	public void values() {
		Spellings spellings = new Spellings(42);
		phone = fill(spellings::phone);
		email = fill(spellings::email);
		url = fill(spellings::url);
		handle = fill(spellings::handle);
		wallet = fill(spellings::wallet);
		mixed = fill(spellings::mixed);
	}

	@Benchmark
	public Canonical phone() {
		return canonicalisers.canonicalise(phone[next++ & (VALUES - 1)]);
	}

	/** The baseline: what libphonenumber alone costs for the same values. */
	@Benchmark
	public String phoneBareLibrary() throws NumberParseException {
		RawIndicator value = phone[next++ & (VALUES - 1)];
		PhoneNumber number = phones.parse(value.value(), value.country().value());
		return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
	}

	@Benchmark
	public Canonical email() {
		return canonicalisers.canonicalise(email[next++ & (VALUES - 1)]);
	}

	@Benchmark
	public Canonical url() {
		return canonicalisers.canonicalise(url[next++ & (VALUES - 1)]);
	}

	@Benchmark
	public Canonical messagingHandle() {
		return canonicalisers.canonicalise(handle[next++ & (VALUES - 1)]);
	}

	@Benchmark
	public Canonical cryptoAddress() {
		return canonicalisers.canonicalise(wallet[next++ & (VALUES - 1)]);
	}

	@Benchmark
	public Canonical mixedWorkload() {
		return canonicalisers.canonicalise(mixed[next++ & (VALUES - 1)]);
	}

	private static RawIndicator[] fill(Supplier<RawIndicator> source) {
		RawIndicator[] values = new RawIndicator[VALUES];
		for (int i = 0; i < VALUES; i++) {
			values[i] = source.get();
		}
		return values;
	}
}
