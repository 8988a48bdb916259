package com.aftercare.caseitem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.identity.AccountService;
import com.aftercare.support.AtOnce;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case names the configuration items its fault touches (RP-4): items of its own unit, in use, once each; by those
 * who work cases; on its timeline and audit trail; the item's page lists the cases, most recent first (20), and the
 * unit's graph counts the open cases on each item and device it draws.
 */
class CaseItemsApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    ApiClient api;
    long unit;
    String customerUser;

    @BeforeEach
    void unit() {
        api = new ApiClient(rest);
        clock.set(Instant.parse("2027-05-10T02:00:00Z"));
        unit = site.getCustomer().getId();
        customerUser = "cu-items-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customerUser, PASSWORD, "钱科长", unit);
    }

    private long item(long customerId, String name, String status) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customerId, "kind", "APPLICATION", "name", name,
                "version", "V3.3", "status", status));
        ApiClient.Response r = api.post("t-eng", "/api/config-items", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    private ApiClient.Response name(String user, long ticketId, Object itemId) {
        Map<String, Object> body = new HashMap<>();
        body.put("configItemId", itemId);
        return api.post(user, "/api/tickets/" + ticketId + "/config-items", body);
    }

    private ApiClient.Response unname(String user, long ticketId, long itemId) {
        return api.exchange(user, HttpMethod.DELETE, "/api/tickets/" + ticketId + "/config-items/" + itemId, null, Map.of());
    }

    private long rows(long ticketId) {
        return jdbc.queryForObject("select count(*) from ticket_config_item where ticket_id = ?", Long.class, ticketId);
    }

    private long lines(long ticketId) {
        return jdbc.queryForObject("select count(*) from ticket_event where ticket_id = ? and kind = 'ConfigItemNamed'", Long.class, ticketId);
    }

    @Test
    void aCaseNamesItsUnitsItemsOnceAndTheItemAndTheGraphShowTheCase() {
        long platform = item(unit, "视频监控平台 " + System.nanoTime(), "IN_SERVICE");
        long retired = item(unit, "旧平台 " + System.nanoTime(), "RETIRED");
        Customer other = assets.createCustomer("另一单位 " + System.nanoTime());
        long elsewhere = item(other.getId(), "别家平台 " + System.nanoTime(), "IN_SERVICE");
        Ticket ticket = report(Category.DEFECT);

        // bad input names the field and writes nothing
        assertThat(api.post("t-desk", "/api/tickets/" + ticket.getId() + "/config-items", Map.of()).errorFields()).containsExactly("configItemId");
        assertThat(name("t-desk", ticket.getId(), 999_999_999L).errorFields()).containsExactly("configItemId");
        assertThat(name("t-desk", ticket.getId(), retired).errorFields()).containsExactly("configItemId");
        assertThat(name("t-desk", ticket.getId(), elsewhere).errorFields()).containsExactly("configItemId");
        assertThat(name("t-desk", ticket.getId(), "abc").status()).isEqualTo(400);
        // who may: those who work cases
        assertThat(name(customerUser, ticket.getId(), platform).status()).isEqualTo(403);
        assertThat(name("t-admin", ticket.getId(), platform).status()).isEqualTo(403);
        assertThat(name("t-desk", 999_999_999L, platform).status()).isEqualTo(404);
        assertThat(rows(ticket.getId())).isZero();
        assertThat(lines(ticket.getId())).isZero();

        ApiClient.Response named = name("t-desk", ticket.getId(), platform);
        assertThat(named.status()).as(named.body().toString()).isEqualTo(201);
        assertThat(named.body().path("itemId").asLong()).isEqualTo(platform);
        assertThat(named.body().path("number").asText()).isEqualTo(String.format("CI-%06d", platform));
        assertThat(named.body().path("kind").asText()).isEqualTo("APPLICATION");
        assertThat(named.body().path("status").asText()).isEqualTo("IN_SERVICE");
        assertThat(named.body().path("version").asText()).isEqualTo("V3.3");
        assertThat(named.body().path("linkedBy").asText()).isEqualTo("t-desk");
        assertThat(named.body().path("linkedByName").asText()).isEqualTo("Test Desk");
        assertThat(Instant.parse(named.body().path("linkedAt").asText())).isEqualTo(clock.instant());

        ApiClient.Response again = name("t-eng", ticket.getId(), platform);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains(ticket.getNumber()).contains(String.format("CI-%06d", platform));
        assertThat(rows(ticket.getId())).isEqualTo(1);

        // the case's page and the item's page (which the customer's user reads too)
        assertThat(api.get("t-eng", "/api/tickets/" + ticket.getId() + "/config-items").body().findValuesAsText("itemId"))
                .containsExactly(String.valueOf(platform));
        assertThat(api.get(customerUser, "/api/tickets/" + ticket.getId() + "/config-items").status())
                .as("staff's part of the case page").isEqualTo(403);
        JsonNode itemPage = api.get("t-desk", "/api/config-items/" + platform).body();
        assertThat(itemPage.path("cases").findValuesAsText("number")).containsExactly(ticket.getNumber());
        assertThat(itemPage.path("cases").get(0).path("status").asText()).isNotEqualTo("CLOSED");
        assertThat(api.get(customerUser, "/api/config-items/" + platform).body().path("cases").findValuesAsText("number"))
                .containsExactly(ticket.getNumber());

        // on the timeline and the audit trail, with who did it
        assertThat(lines(ticket.getId())).isEqualTo(1);
        assertThat(readTimeline.of(ticket.getId()).stream().map(l -> l.getMessage()).toList())
                .anyMatch(m -> m.contains(String.format("CI-%06d", platform)));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'ticket_config_item' and actor = 't-desk'"
                + " and ticket_id = ?", Long.class, ticket.getId())).isEqualTo(1);

        // the graph: the item rests on the case's device; both count the open case
        assertThat(api.post("t-eng", "/api/config-items/" + platform + "/links", Map.of("relation", "RUNS_ON",
                "deviceId", device.getId())).status()).isEqualTo(201);
        JsonNode graph = api.get("t-sup", "/api/config-items/graph?customerId=" + unit).body();
        assertThat(graph.path("customerId").asLong()).isEqualTo(unit);
        assertThat(graph.path("truncated").asBoolean()).isFalse();
        JsonNode itemNode = node(graph, "item-" + platform);
        assertThat(itemNode.path("type").asText()).isEqualTo("ITEM");
        assertThat(itemNode.path("openCases").asLong()).isEqualTo(1);
        JsonNode deviceNode = node(graph, "device-" + device.getId());
        assertThat(deviceNode.path("type").asText()).isEqualTo("DEVICE");
        assertThat(deviceNode.path("name").asText()).isEqualTo(device.getName());
        assertThat(deviceNode.path("openCases").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(graph.path("nodes").findValuesAsText("key")).doesNotContain("item-" + retired, "item-" + elsewhere);
        assertThat(graph.path("edges").findValues("from").stream().map(JsonNode::asText).toList()).contains("item-" + platform);
        JsonNode edge = null;
        for (JsonNode e : graph.path("edges")) {
            if (e.path("from").asText().equals("item-" + platform)) {
                edge = e;
            }
        }
        assertThat(edge.path("to").asText()).isEqualTo("device-" + device.getId());
        assertThat(edge.path("relation").asText()).isEqualTo("RUNS_ON");
        // a customer's user gets their own unit's graph whatever they ask for; staff must name the unit
        assertThat(api.get(customerUser, "/api/config-items/graph?customerId=" + other.getId()).body().path("customerId").asLong())
                .isEqualTo(unit);
        assertThat(api.get("t-sup", "/api/config-items/graph").errorFields()).containsExactly("customerId");
        assertThat(api.get("t-sup", "/api/config-items/graph?customerId=999999999").status()).isEqualTo(404);

        // taken back: gone from both pages, a second line on the timeline; taking it back again is a 404
        assertThat(unname(customerUser, ticket.getId(), platform).status()).isEqualTo(403);
        assertThat(unname("t-eng", ticket.getId(), platform).status()).isEqualTo(204);
        assertThat(rows(ticket.getId())).isZero();
        assertThat(lines(ticket.getId())).isEqualTo(2);
        assertThat(api.get("t-desk", "/api/config-items/" + platform).body().path("cases")).isEmpty();
        assertThat(unname("t-eng", ticket.getId(), platform).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'ticket_config_item' and actor = 't-eng'"
                + " and ticket_id = ?", Long.class, ticket.getId())).as("the name taken back").isEqualTo(1);

        // a closed case's record is final
        jdbc.update("update ticket set status = 'CLOSED' where id = ?", ticket.getId());
        ApiClient.Response closed = name("t-sup", ticket.getId(), platform);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.detail()).contains(ticket.getNumber());
        assertThat(rows(ticket.getId())).isZero();
    }

    private static JsonNode node(JsonNode graph, String key) {
        for (JsonNode n : graph.path("nodes")) {
            if (n.path("key").asText().equals(key)) {
                return n;
            }
        }
        throw new AssertionError("no node " + key + " in " + graph);
    }

    @Test
    void twoClicksAtOnceNameTheItemOnce() throws Exception {
        long platform = item(unit, "平台 " + System.nanoTime(), "PLANNED");
        Ticket ticket = report(Category.DEFECT);
        List<Integer> statuses = AtOnce.statuses(() -> name("t-desk", ticket.getId(), platform).status(),
                () -> name("t-eng", ticket.getId(), platform).status());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(rows(ticket.getId())).isEqualTo(1);
        assertThat(lines(ticket.getId())).isEqualTo(1);
    }

    @Test
    void theItemListsItsTwentyMostRecentCasesACaseNamesTwentyItemsAndTheGraphDrawsThreeHundred() {
        long platform = item(unit, "平台 " + System.nanoTime(), "IN_SERVICE");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            clock.set(clock.instant().plus(Duration.ofMinutes(1)));
            Ticket t = report(Category.DEFECT);
            assertThat(name("t-desk", t.getId(), platform).status()).isEqualTo(201);
            numbers.add(0, t.getNumber());
        }
        JsonNode cases = api.get("t-desk", "/api/config-items/" + platform).body().path("cases");
        assertThat(cases.findValuesAsText("number")).containsExactlyElementsOf(numbers.subList(0, 20));

        // a case names twenty items; the twenty-first is refused and not written
        Ticket busy = report(Category.DEFECT);
        List<Long> twentyOne = new ArrayList<>();
        for (int i = 0; i < LinkItemToCase.MAX_PER_CASE + 1; i++) {
            twentyOne.add(item(unit, "子系统 " + i + " " + System.nanoTime(), "IN_SERVICE"));
        }
        for (long id : twentyOne.subList(0, 20)) {
            assertThat(name("t-desk", busy.getId(), id).status()).isEqualTo(201);
        }
        assertThat(name("t-desk", busy.getId(), twentyOne.get(20)).errorFields()).containsExactly("configItemId");
        assertThat(rows(busy.getId())).isEqualTo(20);
        assertThat(LinkItemToCase.MAX_PER_CASE).isEqualTo(20);

        // a unit of its own: 300 items are drawn whole, the 301st makes the graph say it is cut
        Customer big = assets.createCustomer("大单位 " + System.nanoTime());
        insertItems(big.getId(), 300);
        JsonNode whole = api.get("t-sup", "/api/config-items/graph?customerId=" + big.getId()).body();
        assertThat(whole.path("nodes")).hasSize(300);
        assertThat(whole.path("truncated").asBoolean()).isFalse();
        insertItems(big.getId(), 1);
        JsonNode cut = api.get("t-sup", "/api/config-items/graph?customerId=" + big.getId()).body();
        assertThat(cut.path("nodes")).hasSize(300);
        assertThat(cut.path("truncated").asBoolean()).isTrue();
    }

    private void insertItems(long customerId, int count) {
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] { customerId, "项 " + System.nanoTime() + "-" + i, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now) });
        }
        jdbc.batchUpdate("insert into config_item (customer_id, kind, name, status, created_by, created_at, updated_by, updated_at)"
                + " values (?, 'SERVICE', ?, 'IN_SERVICE', 't-eng', ?, 't-eng', ?)", rows);
    }
}
