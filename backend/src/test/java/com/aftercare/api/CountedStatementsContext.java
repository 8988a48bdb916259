package com.aftercare.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.aftercare.support.ForkDatabase;

/**
 * The context whose data source counts SQL statements (InboxQueryCountTest.CountedDataSource), on a database of its own
 * (support.ForkDatabase: an H2 in-memory database, or on PostgreSQL a fresh database beside the suite's) so that the
 * counted statements and the inbox's 200 tasks stay out of the shared context; the counts are pinned on both databases.
 * The classes that pin statement counts (and ApiTokenTest, which counts password checks) say it with this one
 * annotation: Spring shares a context only between classes whose settings match exactly, and four copies of the block
 * could drift apart one property at a time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        ForkDatabase.OWN_DATABASE + "=inboxcount",
        "camunda.bpm.process-engine-name=inboxCount"})
@Import(InboxQueryCountTest.CountedDataSource.class)
@interface CountedStatementsContext {
}
