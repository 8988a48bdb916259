package com.aftercare.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import com.aftercare.labels.Labels;

/** A retrying monitoring system hears "busy, send it again" for a lock wait, and a real fault stays a 500. */
class BusyDatabaseTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(new Labels());

    @Test
    void anH2LockTimeoutInsideTheEngineIsA503WithRetryAfterInTheReadersLanguage() {
        Exception lockTimeout = new ProcessEngineException("flush failed",
                new SQLException("Timeout trying to lock table \"ACT_RU_EXECUTION\"", "HYT00", 50200));
        ResponseEntity<Object> answer = handler.unexpected(lockTimeout, new ServletWebRequest(new MockHttpServletRequest()));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).isEqualTo("系统繁忙，本次提交未生效，请稍后重试");
    }

    @Test
    void aPostgresDeadlockAndSpringsLockFailureAreBusyToo() {
        assertThat(BusyDatabase.isLockWait(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(BusyDatabase.isLockWait(new CannotAcquireLockException("lock"))).isTrue();
    }

    @Test
    void anyOtherFailureIsStillA500WithAReference() {
        Exception broken = new IllegalStateException("bug", new SQLException("column missing", "42703"));
        ResponseEntity<Object> answer = handler.unexpected(broken, new ServletWebRequest(new MockHttpServletRequest()));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(BusyDatabase.isLockWait(broken)).isFalse();
    }
}
