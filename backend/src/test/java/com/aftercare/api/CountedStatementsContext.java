package com.aftercare.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.aftercare.support.H2Only;

/**
 * The context whose data source counts SQL statements (InboxQueryCountTest.CountedDataSource), on its own H2 database so
 * that the counted statements and the inbox's 200 tasks stay out of the shared context. The classes that pin statement
 * counts (and ApiTokenTest, which counts password checks) say it with this one annotation: Spring shares a context only
 * between classes whose settings match exactly, and four copies of the block could drift apart one property at a time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:aftercare-inbox-count;DB_CLOSE_DELAY=-1",
        // in the PostgreSQL suite the postgres profile's PostgreSQL-only connection statement would reach this H2
        "spring.datasource.hikari.connection-init-sql=SELECT 1",
        "camunda.bpm.process-engine-name=inboxCount"})
@Import(InboxQueryCountTest.CountedDataSource.class)
@H2Only
@interface CountedStatementsContext {
}
