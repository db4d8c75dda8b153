package org.tipx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds: no cycles, no reaching into another module's internals. Writes the module
 * documentation to target/spring-modulith-docs: the component diagram of all modules, and for each module its diagram
 * and its canvas.
 */
class ModularityTests {

	private static final Path DOCS = Path.of("target", "spring-modulith-docs");

	private final ApplicationModules modules = ApplicationModules.of(TipxApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		modules.verify();
	}

	@Test
	void writesTheDiagramsAndACanvasForEveryModule() throws IOException {
		// what an earlier build left there must not pass for what this one writes
		deleteRecursively(DOCS);

		new Documenter(modules).writeDocumentation();

		String components = Files.readString(DOCS.resolve("components.puml"));
		assertThat(components).startsWith("@startuml").contains("@enduml");
		String all = Files.readString(DOCS.resolve("all-docs.adoc"));
		assertThat(modules.stream()).isNotEmpty();
		for (ApplicationModule module : modules) {
			String name = module.getIdentifier().toString();
			assertThat(components).as("component diagram").contains("\"" + module.getDisplayName() + "\"");
			assertThat(Files.readString(DOCS.resolve("module-" + name + ".puml"))).as("diagram of " + name)
					.startsWith("@startuml").contains(module.getDisplayName()).contains("@enduml");
			assertThat(Files.readString(DOCS.resolve("module-" + name + ".adoc"))).as("canvas of " + name)
					.contains("|Base package").contains("`" + module.getBasePackage().getName() + "`");
			assertThat(all).contains("include::module-" + name + ".adoc[]");
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
