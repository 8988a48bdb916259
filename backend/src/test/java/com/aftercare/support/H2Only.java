package com.aftercare.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that runs on H2 whatever database profile is active: it names its own in-memory or file H2 database (its
 * own context, a restart, the demo, the browser scripts) or starts the product itself. Running it again in the
 * PostgreSQL stage of .ci/run would only repeat the H2 stage, so the postgres Maven profile leaves out this tag
 * (README "Tests and CI").
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(H2Only.TAG)
public @interface H2Only {
    String TAG = "h2-only";
}
