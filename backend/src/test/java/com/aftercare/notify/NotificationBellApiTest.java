package com.aftercare.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.api.ApiClient;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15, the notification bell over the real API: the unread count, the paged list newest first, marking one
 * and marking all read, each reader's marks their own (a role's notification read by one desk user is still
 * unread for the other), and nobody reads or marks someone else's notification.
 */
class NotificationBellApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired NotificationService notifications;
    ApiClient api;
    Ticket ticket;
    String desk1;
    String desk2;
    String engineer;

    @BeforeEach
    void users() {
        api = new ApiClient(rest);
        ticket = report(com.aftercare.ticket.Category.DEFECT);
        long unique = System.nanoTime();
        desk1 = "bell-desk1-" + unique;
        desk2 = "bell-desk2-" + unique;
        engineer = "bell-eng-" + unique;
        accounts.createIfAbsent(desk1, PASSWORD, "Bell desk 1", Set.of(Role.SERVICE_DESK));
        accounts.createIfAbsent(desk2, PASSWORD, "Bell desk 2", Set.of(Role.SERVICE_DESK));
        accounts.createIfAbsent(engineer, PASSWORD, "Bell engineer", Set.of(Role.ENGINEER));
    }

    private long unread(String user) {
        ApiClient.Response r = api.get(user, "/api/notifications/unread-count");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("unread").asLong();
    }

    private void toUser(String user, String text) {
        notifications.send(new OutgoingMessage(ticket.getId(), text, text, List.of(new Recipient(user, user, null, null)), null));
    }

    /** This test's notifications in a page, in the page's order. */
    private static List<JsonNode> own(JsonNode page) {
        List<JsonNode> own = new java.util.ArrayList<>();
        page.forEach(n -> {
            if (n.path("message").asText().startsWith("Bell test:")) {
                own.add(n);
            }
        });
        return own;
    }

    private JsonNode page(String user, int page, int size) {
        ApiClient.Response r = api.get(user, "/api/notifications?page=" + page + "&size=" + size);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    @Test
    void theCountRisesWithNewNotificationsAndFallsWhenRead() {
        long before = unread(desk1);
        Notification toDesk = notifications.notifyRole(Role.SERVICE_DESK, ticket.getId(), "Bell test: case waits for the desk");
        toUser(desk1, "Bell test: for desk 1 only");
        assertThat(unread(desk1)).as("a role's and a personal notification").isEqualTo(before + 2);
        long desk2Before = unread(desk2);

        // other tests of the shared context leave notifications dated by their own test clocks (some in the future), so
        // this reads its own two among the newest page: newest first, with the case's number, unread
        List<JsonNode> first = own(page(desk1, 0, 50));
        assertThat(first).extracting(n -> n.path("message").asText()).as("newest first")
                .containsExactly("Bell test: for desk 1 only", "Bell test: case waits for the desk");
        assertThat(first.get(1).path("ticketNumber").asText()).isEqualTo(tickets.get(ticket.getId()).getNumber());
        assertThat(first.get(1).path("read").asBoolean()).isFalse();
        assertThat(page(desk1, 1, 2).size()).as("the next page goes on with older ones").isLessThanOrEqualTo(2);

        ApiClient.Response read = api.post(desk1, "/api/notifications/" + toDesk.getId() + "/read", null);
        assertThat(read.status()).isEqualTo(204);
        ApiClient.Response again = api.post(desk1, "/api/notifications/" + toDesk.getId() + "/read", null);
        assertThat(again.status()).as("a double click changes nothing").isEqualTo(204);
        assertThat(unread(desk1)).isEqualTo(before + 1);
        assertThat(own(page(desk1, 0, 50)).get(1).path("read").asBoolean()).as("shown as read to its reader").isTrue();

        assertThat(unread(desk2)).as("desk 2 has not read the desk's notification").isEqualTo(desk2Before);
        assertThat(own(page(desk2, 0, 50))).singleElement().satisfies(n -> assertThat(n.path("read").asBoolean()).isFalse());
    }

    @Test
    void markAllReadStopsAtTheNewestTheReaderSaw() {
        toUser(engineer, "Bell test: first");
        toUser(engineer, "Bell test: second");
        long newestSeen = page(engineer, 0, 1).get(0).path("id").asLong();
        toUser(engineer, "Bell test: arrived while the drawer was open");

        ApiClient.Response all = api.post(engineer, "/api/notifications/read-all?upToId=" + newestSeen, null);
        assertThat(all.status()).as(all.body().toString()).isEqualTo(200);
        assertThat(all.body().path("marked").asInt()).isEqualTo(2);
        assertThat(unread(engineer)).as("the one not yet seen stays unread").isEqualTo(1);
        assertThat(api.post(engineer, "/api/notifications/read-all", null).body().path("marked").asInt()).isEqualTo(1);
        assertThat(unread(engineer)).isZero();
    }

    @Test
    void nobodyReadsOrMarksSomeoneElsesNotification() {
        toUser(desk1, "Bell test: private to desk 1");
        long id = page(desk1, 0, 1).get(0).path("id").asLong();
        assertThat(page(engineer, 0, 100).findValuesAsText("message")).doesNotContain("Bell test: private to desk 1");
        ApiClient.Response foreign = api.post(engineer, "/api/notifications/" + id + "/read", null);
        assertThat(foreign.status()).as("someone else's notification is not found").isEqualTo(404);
        assertThat(api.post(engineer, "/api/notifications/999999999/read", null).status()).isEqualTo(404);
        assertThat(page(desk1, 0, 1).get(0).path("read").asBoolean()).as("still unread for its owner").isFalse();
    }

    @Test
    void badPagingNamesTheField() {
        ApiClient.Response tooBig = api.get(desk1, "/api/notifications?size=1000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body().toString()).contains("size");
        ApiClient.Response negative = api.exchange(desk1, HttpMethod.POST, "/api/notifications/read-all?upToId=0", null, Map.of());
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().toString()).contains("upToId");
    }

    /** Two tabs of one reader marking the same notification at the same instant: both are answered 204, one mark. */
    @Test
    void theSameReaderMarkingFromTwoTabsAtOnceGetsNoError() throws Exception {
        for (int round = 0; round < 10; round++) {
            Notification n = notifications.notifyRole(Role.SERVICE_DESK, ticket.getId(), "Bell race " + round);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(4);
            java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int tab = 0; tab < 4; tab++) {
                    boolean all = tab % 2 == 1;
                    answers.add(tabs.submit(() -> {
                        together.await();
                        return api.post(desk1, all ? "/api/notifications/read-all?upToId=" + n.getId()
                                : "/api/notifications/" + n.getId() + "/read", null).status();
                    }));
                }
                for (java.util.concurrent.Future<Integer> answer : answers) {
                    assertThat(answer.get()).as("round %d", round).isIn(200, 204);
                }
            } finally {
                tabs.shutdownNow();
            }
        }
        assertThat(unread(desk1)).as("every raced notification ends read").isLessThanOrEqualTo(unread(desk2));
    }

    /** A customer's user has the bell too: their own count and marks, nobody else's (CustomerRoutes lets them in). */
    @Test
    void aCustomersUserCountsAndMarksTheirOwnNotifications() {
        String customer = "bell-cust-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Bell customer", site.getCustomer().getId());
        long before = unread(customer);
        toUser(customer, "Bell test: your case was answered");
        assertThat(unread(customer)).isEqualTo(before + 1);
        long id = page(customer, 0, 1).get(0).path("id").asLong();
        assertThat(api.post(customer, "/api/notifications/" + id + "/read", null).status()).isEqualTo(204);
        assertThat(unread(customer)).isEqualTo(before);
        toUser(customer, "Bell test: another one");
        assertThat(api.post(customer, "/api/notifications/read-all", null).body().path("marked").asInt()).isEqualTo(1);
        assertThat(unread(customer)).isEqualTo(before);
    }
}
