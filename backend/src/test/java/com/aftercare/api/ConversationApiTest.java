package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12: the conversation on a case over the real API. Internal notes reach no customer route; a customer
 * writes only public replies on their own unit's tickets; a mentioned colleague finds it in their notifications;
 * bad input names its field and writes nothing; every message is in the audit chain.
 */
class ConversationApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;
    Uploads uploads;
    Ticket ticket;
    Ticket otherUnitsTicket;
    String customer;
    String path;

    @BeforeEach
    void ticketsOfTwoUnits() {
        api = new ApiClient(rest);
        uploads = new Uploads(rest);
        ticket = report(Category.DEFECT);
        path = "/api/tickets/" + ticket.getId() + "/conversation";
        Customer b = assets.createCustomer("Conversation unit B " + System.nanoTime());
        var siteB = assets.createSite(new NewSite(b.getId(), "Site B", "Road B", Region.CITY, "B", "456"));
        otherUnitsTicket = reportFault.report(new NewTicket(Channel.HOTLINE, "B", "Unit B", "789", siteB.getId(), null, Category.DEFECT,
                Grade.LOW, Grade.LOW, "B's camera", "B's fault", null), null).ticket();
        customer = "cust-conv-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Customer conversation", site.getCustomer().getId());
    }

    private static Map<String, Object> message(String body, String visibility) {
        Map<String, Object> m = new HashMap<>();
        m.put("body", body);
        if (visibility != null) {
            m.put("visibility", visibility);
        }
        return m;
    }

    @Test
    void internalNotesNeverReachTheCustomer() {
        ApiClient.Response note = api.post("t-desk", path, message("Internal note QX81: customer was rude on the phone", null));
        assertThat(note.status()).as(note.body().toString()).isEqualTo(201);
        assertThat(note.body().path("visibility").asText()).as("staff default: internal").isEqualTo("INTERNAL");
        assertThat(note.body().path("authorName").asText()).isEqualTo("Test Desk");
        ApiClient.Response reply = api.post("t-desk", path, message("We will send an engineer today", "PUBLIC"));
        assertThat(reply.status()).isEqualTo(201);

        JsonNode staffView = api.get("t-eng", path).body();
        assertThat(staffView.findValuesAsText("body")).containsExactly("Internal note QX81: customer was rude on the phone",
                "We will send an engineer today");

        JsonNode customerView = api.get(customer, path).body();
        assertThat(customerView.findValuesAsText("body")).containsExactly("We will send an engineer today");
        assertThat(customerView.toString()).doesNotContain("QX81").doesNotContain("t-desk");
        for (String route : List.of("/api/tickets/" + ticket.getId(), "/api/tickets/" + ticket.getId() + "/audit?size=500",
                "/api/audit?size=500", "/api/notifications", "/api/tickets/" + ticket.getId() + "/attachments")) {
            ApiClient.Response r = api.get(customer, route);
            assertThat(r.status()).as(route).isEqualTo(200);
            assertThat(r.body().toString()).as(route).doesNotContain("QX81");
        }

        // the customer answers: always public, marked as the customer's
        ApiClient.Response answer = api.post(customer, path, message("Thank you, the gate is open from 9:00", null));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().path("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(answer.body().path("authorIsCustomer").asBoolean()).isTrue();
        ApiClient.Response sneaky = api.post(customer, path, message("let me see internal", "INTERNAL"));
        assertThat(sneaky.status()).isEqualTo(400);
        assertThat(sneaky.errorFields()).containsExactly("visibility");
        assertThat(api.get("t-desk", path).body().findValuesAsText("authorIsCustomer")).containsExactly("false", "false", "true");

        // every message is in the audit chain, for staff
        assertThat(api.get("t-sup", "/api/tickets/" + ticket.getId() + "/audit?size=500").body().toString())
                .contains("conversation_message").contains("QX81");
    }

    @Test
    void aMentionedColleagueIsNotifiedAndAnUnknownOneIs400() {
        long before = api.get("t-eng2", "/api/notifications").body().size();
        Map<String, Object> body = message("@t-eng2 please bring a spare PSU", "INTERNAL");
        body.put("mentions", List.of("t-eng2"));
        ApiClient.Response r = api.post("t-desk", path, body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(r.body().path("mentions").get(0).asText()).isEqualTo("t-eng2");

        JsonNode inbox = api.get("t-eng2", "/api/notifications").body();
        assertThat(inbox.size()).isEqualTo(before + 1);
        // found by its case: notifications other tests sent to every engineer may carry a later (test) clock time
        JsonNode told = ofThisCase(inbox);
        assertThat(told.path("message").asText()).contains("Test Desk").contains("提到了你").contains("please bring a spare PSU");
        assertThat(ofThisCase(api.exchange("t-eng2", HttpMethod.GET, "/api/notifications", null, Map.of("Accept-Language", "en")).body())
                .path("message").asText()).contains("mentioned you");
        assertThat(api.get("t-eng", "/api/notifications").body().toString()).doesNotContain("spare PSU");

        long messages = countMessages();
        Map<String, Object> unknown = message("@nobody hello", "INTERNAL");
        unknown.put("mentions", List.of("nobody-" + System.nanoTime()));
        ApiClient.Response refused = api.post("t-desk", path, unknown);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("mentions");
        Map<String, Object> customerMention = message("hello", null);
        customerMention.put("mentions", List.of(customer));
        assertThat(api.post("t-desk", path, customerMention).errorFields()).as("a customer's user is not a colleague")
                .containsExactly("mentions");
        assertThat(countMessages()).isEqualTo(messages);

        JsonNode mentionable = api.get("t-desk", "/api/mentionable-users?ticketId=" + ticket.getId()).body();
        assertThat(mentionable.findValuesAsText("username")).contains("t-eng", "t-eng2", "t-desk").doesNotContain(customer);
        assertThat(api.get(customer, "/api/mentionable-users?ticketId=" + ticket.getId()).status()).isEqualTo(403);
    }

    @Test
    void badInputNamesItsFieldAndWritesNothing() {
        long messages = countMessages();
        assertThat(api.post("t-desk", path, message("   ", null)).errorFields()).containsExactly("body");
        assertThat(api.post("t-desk", path, message(null, null)).errorFields()).containsExactly("body");
        assertThat(api.post("t-desk", path, message("x".repeat(4001), null)).errorFields()).containsExactly("body");
        ApiClient.Response control = api.post("t-desk", path, "{\"body\":\"bell\\u0007\"}");
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.errorFields()).containsExactly("body");
        Map<String, Object> unknownFile = message("see file", null);
        unknownFile.put("attachmentIds", List.of(999_999_999L));
        assertThat(api.post("t-desk", path, unknownFile).errorFields()).containsExactly("attachmentIds");
        // a file of another ticket cannot be sent here
        long elsewhere = uploads.upload("t-desk", otherUnitsTicket.getId(), "b.png", "image/png", Uploads.image("png", 40, 40))
                .body().path("id").asLong();
        Map<String, Object> foreign = message("see file", null);
        foreign.put("attachmentIds", List.of(elsewhere));
        assertThat(api.post("t-desk", path, foreign).errorFields()).containsExactly("attachmentIds");
        assertThat(api.post("t-desk", path, "{\"body\":\"x\",\"visibility\":\"SECRET\"}").errorFields()).containsExactly("visibility");
        assertThat(countMessages()).isEqualTo(messages);
    }

    @Test
    void filesSentWithAPublicReplyAreSeenByTheCustomer() {
        long photo = uploads.upload("t-eng", ticket.getId(), "fixed.jpg", "image/jpeg", Uploads.image("jpg", 400, 300)).body().path("id")
                .asLong();
        Map<String, Object> body = message(null, "PUBLIC");
        body.put("attachmentIds", List.of(photo));
        ApiClient.Response r = api.post("t-eng", path, body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(r.body().path("attachments").get(0).path("visibility").asText()).isEqualTo("PUBLIC");

        JsonNode seen = api.get(customer, path).body();
        assertThat(seen.get(0).path("attachments").findValuesAsText("fileName")).containsExactly("fixed.jpg");
        assertThat(uploads.download(customer, "/api/tickets/" + ticket.getId() + "/attachments/" + photo + "/thumbnail").getStatusCode()
                .value()).isEqualTo(200);
        // sent once only
        assertThat(api.post("t-eng", path, body).errorFields()).containsExactly("attachmentIds");
    }

    @Test
    void anotherUnitsTicketIs404AndTheIdempotencyKeyAnswersTheFirstMessage() {
        String other = "/api/tickets/" + otherUnitsTicket.getId() + "/conversation";
        api.post("t-desk", other, message("B's public reply", "PUBLIC"));
        long messages = countMessages();
        assertThat(api.get(customer, other).status()).isEqualTo(404);
        assertThat(api.post(customer, other, message("hello", null)).status()).isEqualTo(404);
        assertThat(api.get(customer, "/api/tickets/999999999/conversation").status()).isEqualTo(404);
        assertThat(countMessages()).isEqualTo(messages);

        String key = "msg-" + System.nanoTime();
        ApiClient.Response first = api.post("t-desk", path, message("only once", null), Map.of("Idempotency-Key", key));
        ApiClient.Response again = api.post("t-desk", path, message("only once", null), Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong()).isEqualTo(first.body().path("id").asLong());
        ApiClient.Response different = api.post("t-desk", path, message("something else", null), Map.of("Idempotency-Key", key));
        assertThat(different.status()).isEqualTo(422);
        assertThat(api.post("t-eng", path, message("only once", null), Map.of("Idempotency-Key", key)).status())
                .as("another caller").isEqualTo(422);
        assertThat(api.get("t-desk", path).body().findValuesAsText("body")).containsExactly("only once");
    }

    private long countMessages() {
        return jdbc.queryForObject("select count(*) from conversation_message", Long.class);
    }

    /** The one notification about this test's case in a reader's list. */
    private JsonNode ofThisCase(JsonNode inbox) {
        List<JsonNode> mine = new java.util.ArrayList<>();
        inbox.forEach(n -> {
            if (n.path("ticketId").asLong() == ticket.getId()) {
                mine.add(n);
            }
        });
        assertThat(mine).as("notifications about case %s", ticket.getId()).hasSize(1);
        return mine.get(0);
    }
}
