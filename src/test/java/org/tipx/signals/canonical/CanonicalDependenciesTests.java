package org.tipx.signals.canonical;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The canonical forms are pure rules over text: they must not reach the web layer (requests, responses, servlets,
 * controllers) or the rest of tipx beyond signals' public vocabulary. Spring's WHATWG URL parser
 * ({@code org.springframework.web.util}) is the one web-library class they use, as a parser only.
 */
class CanonicalDependenciesTests {

	static final JavaClasses CANONICAL = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.tipx.signals.canonical");

	@Test
	void canonicalFormsUseNoSpringWebTypesButTheUrlParser() {
		noClasses().that().resideInAPackage("org.tipx.signals.canonical..").should().dependOnClassesThat()
				.resideInAnyPackage("org.springframework.web.bind..", "org.springframework.web.servlet..",
						"org.springframework.web.context..", "org.springframework.web.method..",
						"org.springframework.web.multipart..", "org.springframework.http..", "jakarta.servlet..",
						"org.springframework.security..", "org.springframework.jdbc..", "org.springframework.transaction..")
				.check(CANONICAL);
	}

	@Test
	void canonicalFormsDependOnNoOtherPartOfTipx() {
		noClasses().that().resideInAPackage("org.tipx.signals.canonical..").should().dependOnClassesThat()
				.resideInAnyPackage("org.tipx.signals.internal..", "org.tipx.signals.filing..",
						"org.tipx.signals.correlation..", "org.tipx.signals.reading..", "org.tipx.signals.alerts..",
						"org.tipx.signals.web..", "org.tipx.signals.imports..",
						"org.tipx.directory..", "org.tipx.audit..", "org.tipx.screening..", "org.tipx.sharing..",
						"org.tipx.protection..", "org.tipx.platform..")
				.check(CANONICAL);
	}
}
