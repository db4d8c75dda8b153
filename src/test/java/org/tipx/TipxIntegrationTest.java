package org.tipx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, backed by a throw-away embedded PostgreSQL shared by every test class that
 * uses this annotation (one cached context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface TipxIntegrationTest {

	/** The admin password set by the test profile. */
	String ADMIN_PASSWORD = "correct-horse-battery-staple-42";
}
