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

	public static void main(String[] args) {
		SpringApplication.run(TipxApplication.class, args);
	}
}
