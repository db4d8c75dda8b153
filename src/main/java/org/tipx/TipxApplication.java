package org.tipx;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The Trafficking-in-Persons eXchange: one deployable service, one module per top-level package.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class TipxApplication {

	/**
	 * Starts tipx; {@code blind-match FILE} instead runs the blind-match client (ADR 0033), without Spring.
	 */
	public static void main(String[] args) {
		if (args.length > 0 && "blind-match".equals(args[0])) {
			org.tipx.signals.blindmatch.BlindMatchClient.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(TipxApplication.class, args);
	}
}
