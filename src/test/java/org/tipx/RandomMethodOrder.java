package org.tipx;

import java.util.Collections;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * Runs the test methods of each class in a random order, so that a test relying on another having run first shows up.
 * The order is reproducible: the seed is taken from {@code junit.jupiter.execution.order.random.seed}, else from the
 * seed given to Failsafe or Surefire for the order of classes ({@code -Dfailsafe.runOrder.random.seed=N},
 * {@code -Dsurefire.runOrder.random.seed=N}), else drawn once per test run and printed with the flag that repeats it.
 * Each class is shuffled with the seed and its own name, so one seed fixes the order of every class.
 */
public final class RandomMethodOrder implements MethodOrderer {

	static final String SEED_PROPERTY = "junit.jupiter.execution.order.random.seed";

	private static final long SEED = seed();

	@Override
	public void orderMethods(MethodOrdererContext context) {
		// JUnit's own order is deterministic but obscure: start from the names so the seed alone decides
		context.getMethodDescriptors().sort(Comparator.comparing(m -> m.getMethod().toGenericString()));
		Collections.shuffle(context.getMethodDescriptors(),
				new java.util.Random(SEED ^ context.getTestClass().getName().hashCode()));
	}

	private static long seed() {
		for (String property : new String[] { SEED_PROPERTY, "failsafe.runOrder.random.seed",
				"surefire.runOrder.random.seed" }) {
			String value = System.getProperty(property);
			if (value != null && !value.isBlank()) {
				try {
					return Long.parseLong(value.strip());
				}
				catch (NumberFormatException e) {
					throw new IllegalArgumentException(property + " must be a whole number, not '" + value + "'", e);
				}
			}
		}
		long drawn = ThreadLocalRandom.current().nextLong();
		System.out.println("Test methods will run in random order. To reproduce it use flag -D" + SEED_PROPERTY + "="
				+ drawn);
		return drawn;
	}
}
