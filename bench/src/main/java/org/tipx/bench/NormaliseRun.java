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
 * phones at least 70% of bare libphonenumber, the mixed workload at least 150,000 values/s/core.
 */
public final class NormaliseRun {

	public static void main(String[] args) throws RunnerException {
		Options options = new OptionsBuilder().include(NormaliseBenchmark.class.getSimpleName()).forks(1).threads(1)
				.warmupIterations(5).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
				.measurementTime(TimeValue.seconds(3)).build();
		Collection<RunResult> results = new Runner(options).run();
		Map<String, Double> rate = new TreeMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			rate.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
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
	}

	private NormaliseRun() {
	}
}
