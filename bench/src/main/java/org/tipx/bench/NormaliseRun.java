package org.tipx.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link NormaliseBenchmark} on one thread and prints each rate beside its baseline and goal:
 * phones at least 70% of bare libphonenumber, the mixed workload at least 150,000 values/s/core; and the mixed rate
 * beside the rate the per-type figures of the same run predict for the mix, with every measured iteration, so that a
 * mixed figure that measured the JIT still compiling (iterations that disagree) shows as such. Twenty seconds of
 * warm-up per benchmark: the mixed workload compiles the code of five canonicalisers, and with ten seconds its C2
 * compilations were still running in the measured iterations ({@code -XX:+PrintCompilation} on a loaded machine).
 */
public final class NormaliseRun {

	public static void main(String[] args) throws RunnerException {
		Options options = new OptionsBuilder().include(NormaliseBenchmark.class.getSimpleName()).forks(1).threads(1)
				.warmupIterations(10).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
				.measurementTime(TimeValue.seconds(3)).build();
		Collection<RunResult> results = new Runner(options).run();
		Map<String, Double> rate = new TreeMap<>();
		Map<String, String> spread = new TreeMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			name = name.substring(name.lastIndexOf('.') + 1);
			rate.put(name, result.getPrimaryResult().getScore());
			spread.put(name, result.getBenchmarkResults().stream()
					.flatMap(b -> b.getIterationResults().stream())
					.map(i -> String.format(java.util.Locale.ROOT, "%,.0f", i.getPrimaryResult().getScore()))
					.toList().toString());
		}
		System.out.printf("%nNormalisation, one thread, %s, %d cores, Java %s, %s%n", Instant.now(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				ManagementFactory.getOperatingSystemMXBean().getName());
		rate.forEach((name, perSecond) -> System.out.printf("  %-18s %,12.0f values/s%n", name, perSecond));
		double phone = rate.getOrDefault("phone", 0.0);
		double bare = rate.getOrDefault("phoneBareLibrary", 1.0);
		double mixed = rate.getOrDefault("mixedWorkload", 0.0);
		System.out.printf("  phone / bare libphonenumber = %.0f%% (goal >= 70%%) %s%n", 100 * phone / bare,
				phone >= 0.7 * bare ? "MET" : "NOT MET");
		System.out.printf("  mixed workload = %,.0f values/s/core (goal >= 150,000) %s%n", mixed,
				mixed >= 150_000 ? "MET" : "NOT MET");
		// the mix's own rate from the per-type rates of this run (35% phones, 20% handles, 17% wallets, 16% URLs, 12%
		// e-mails, as Spellings.mixed draws them): a mixed figure far below it means the mixed benchmark measured
		// something else than canonicalising (JIT not settled, iterations that disagree), not a slow canonicaliser
		double expected = 1 / (0.35 / rate.getOrDefault("phone", Double.NaN)
				+ 0.20 / rate.getOrDefault("messagingHandle", Double.NaN)
				+ 0.17 / rate.getOrDefault("cryptoAddress", Double.NaN) + 0.16 / rate.getOrDefault("url", Double.NaN)
				+ 0.12 / rate.getOrDefault("email", Double.NaN));
		System.out.printf("  mixed / the per-type rates weighted by the mix (%,.0f values/s) = %.0f%%%n", expected,
				100 * mixed / expected);
		spread.forEach((name, iterations) -> System.out.printf("  %-18s iterations %s%n", name, iterations));
	}

	private NormaliseRun() {
	}
}
