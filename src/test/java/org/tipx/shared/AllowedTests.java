package org.tipx.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Role names are spelt in one place: controllers say who may call them with {@link Allowed}, never with a security
 * expression of their own.
 */
class AllowedTests {

	static final JavaClasses TIPX = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tipx");

	@Test
	void noControllerSpellsASecurityExpressionOfItsOwn() {
		noClasses().that().doNotHaveFullyQualifiedName(Allowed.class.getName()).and()
				.resideOutsideOfPackage("org.tipx.shared").should().beAnnotatedWith(PreAuthorize.class).check(TIPX);
		noMethods().should().beAnnotatedWith(PreAuthorize.class).check(TIPX);
	}

	@Test
	void theAnnotationsCarryTheExpressionSpringSecurityEnforces() throws NoSuchMethodException {
		Method method = Guarded.class.getDeclaredMethod("administer");
		PreAuthorize expression = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
		assertThat(expression).isNotNull();
		assertThat(expression.value()).isEqualTo("hasAnyRole('ADMIN', 'ORG_ADMIN')");
	}

	static class Guarded {

		@Allowed.Administrators
		void administer() {
		}
	}
}
