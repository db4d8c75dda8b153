package org.tipx;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.tipx.signals.BlindMatchCommand;

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
		if (args.length > 0 && BlindMatchCommand.NAME.equals(args[0])) {
			BlindMatchCommand.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(TipxApplication.class, args);
	}
}
