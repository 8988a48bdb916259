package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * Issue 12: a form kept on a phone without signal is sent again when the signal returns, perhaps more than
 * once, perhaps twice at the same moment. With the same Idempotency-Key the task is completed exactly once
 * and every send is answered as the first was; the key reused for anything else is refused (422).
 */
class TaskCompletionIdempotencyTest extends IntegrationTest {

    static final Map<String, Object> AT_DESK = Map.of("category", "DEFECT", "solvedAtDesk", false);

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    long completions(Ticket t, String taskKey) {
        return jdbc.queryForObject("select count(*) from ticket_event where ticket_id = ? and kind = 'TaskCompleted' and params like ?",
                Long.class, t.getId(), "%\"taskKey\":\"" + taskKey + "\"%");
    }

    long remembered(String key) {
        return jdbc.queryForObject("select count(*) from idempotent_request where idempotency_key = ?", Long.class, key);
    }

    static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    @Test
    void theSameFormSentAgainIsAnsweredAgainAndCompletedOnce() {
        Ticket t = report(Category.DEFECT);
        String taskId = task(t, "firstLineResolution").id();
        String k = "phone-" + System.nanoTime();

        ApiClient.Response first = api.post("t-desk", "/api/tasks/" + taskId + "/complete", AT_DESK, key(k));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(204);
        assertThat(openTaskKeys(t)).contains("assignEngineer");
        String next = task(t, "assignEngineer").id();

        // the task is gone now; the retry (values in another order) still gets the first answer, and nothing happens
        ApiClient.Response again = api.post("t-desk", "/api/tasks/" + taskId + "/complete",
                "{\"solvedAtDesk\": false, \"category\": \"DEFECT\"}", key(k));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(204);
        assertThat(completions(t, "firstLineResolution")).isEqualTo(1);
        assertThat(task(t, "assignEngineer").id()).as("the next step exists once, untouched").isEqualTo(next);

        // without the key the same send is what it always was: the task is already done (409)
        assertThat(api.post("t-desk", "/api/tasks/" + taskId + "/complete", AT_DESK).status()).isEqualTo(409);
    }

    @Test
    void theKeyReusedWithOtherValuesOrByAnotherUserIsRefused() {
        Ticket t = report(Category.DEFECT);
        String taskId = task(t, "firstLineResolution").id();
        String k = "phone-" + System.nanoTime();
        assertThat(api.post("t-desk", "/api/tasks/" + taskId + "/complete", AT_DESK, key(k)).status()).isEqualTo(204);

        ApiClient.Response otherValues = api.post("t-desk", "/api/tasks/" + taskId + "/complete",
                Map.of("category", "DEFECT", "solvedAtDesk", true), key(k));
        SmallHolesTest.assertProblem(otherValues, 422);
        assertThat(otherValues.errorFields()).containsExactly("Idempotency-Key");

        ApiClient.Response otherCaller = api.post("t-admin", "/api/tasks/" + taskId + "/complete", AT_DESK, key(k));
        SmallHolesTest.assertProblem(otherCaller, 422);
        assertThat(otherCaller.errorFields()).containsExactly("Idempotency-Key");

        // the same key on another task is another request too
        String next = task(t, "assignEngineer").id();
        SmallHolesTest.assertProblem(api.post("t-desk", "/api/tasks/" + next + "/complete", Map.of("engineer", "t-eng"), key(k)), 422);
        assertThat(openTaskKeys(t)).contains("assignEngineer");
        assertThat(completions(t, "firstLineResolution")).isEqualTo(1);
    }

    @Test
    void aRefusedCompletionLeavesItsKeyFree() {
        Ticket t = report(Category.DEFECT);
        String taskId = task(t, "firstLineResolution").id();
        String k = "phone-" + System.nanoTime();

        // an engineer may not do the desk's task: 403, and the key is not spent
        ApiClient.Response forbidden = api.post("t-eng", "/api/tasks/" + taskId + "/complete", AT_DESK, key(k));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(remembered(k)).isZero();
        assertThat(openTaskKeys(t)).contains("firstLineResolution");

        ApiClient.Response blank = api.post("t-desk", "/api/tasks/" + taskId + "/complete", AT_DESK, key(" "));
        SmallHolesTest.assertProblem(blank, 400);
        assertThat(blank.errorFields()).containsExactly("Idempotency-Key");
        SmallHolesTest.assertProblem(api.post("t-desk", "/api/tasks/" + taskId + "/complete", AT_DESK, key("x".repeat(101))), 400);

        assertThat(api.post("t-desk", "/api/tasks/" + taskId + "/complete", AT_DESK, key(k)).status()).isEqualTo(204);
        assertThat(remembered(k)).isEqualTo(1);
        assertThat(completions(t, "firstLineResolution")).isEqualTo(1);
    }

    @Test
    void twoSendsAtTheSameMomentCompleteTheTaskOnce() throws Exception {
        Ticket t = report(Category.DEFECT);
        String taskId = task(t, "firstLineResolution").id();
        String k = "phone-" + System.nanoTime();
        int sends = 4;
        ExecutorService pool = Executors.newFixedThreadPool(sends);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < sends; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("t-desk", "/api/tasks/" + taskId + "/complete", AT_DESK, key(k));
                }));
            }
            start.countDown();
            for (Future<ApiClient.Response> answer : answers) {
                ApiClient.Response r = answer.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body().toString()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(completions(t, "firstLineResolution")).isEqualTo(1);
        assertThat(openTaskKeys(t)).contains("assignEngineer");
        task(t, "assignEngineer"); // exactly one
        assertThat(remembered(k)).isEqualTo(1);
    }

    @Test
    void theKeyIsDocumentedOnTheCompletion() {
        ApiClient.Response docs = api.get("t-desk", "/v3/api-docs");
        assertThat(docs.body().path("paths").path("/api/tasks/{id}/complete").path("post").path("parameters").toString())
                .contains("Idempotency-Key");
    }
}
