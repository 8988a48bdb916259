package com.aftercare.change;

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
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.configitem.ReadConfigItems;
import com.aftercare.identity.AccountService;
import com.aftercare.support.AtOnce;
import com.aftercare.support.ChangeBodies;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A change and the rest of the record (RP-5 with RP-4): the configuration items it names, what its outcome set on
 * them (each field a line of the item's history marked with the change), the faults reported on its devices from its
 * window to a week after, and the customer's sign-off (用户确认) once it is done: by the unit's own user, or by the
 * desk for them; once; not accepted needs a reason and tells the supervisors and the implementer.
 */
class ChangeItemsAndSignOffTest extends IntegrationTest {

    static final Instant NOW = Instant.parse("2027-04-06T01:00:00Z");
    static final Instant WINDOW = NOW.plus(Duration.ofDays(2));

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    ApiClient api;
    String customerUser;
    long unit;

    @BeforeEach
    void customerUnit() {
        api = new ApiClient(rest);
        clock.set(NOW);
        unit = site.getCustomer().getId();
        customerUser = "cu-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customerUser, PASSWORD, "钱科长", unit);
    }

    private long item(String name, String status) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", unit, "kind", "APPLICATION", "name", name,
                "version", "iVMS-8700 V3.3", "status", status, "parameters", "接入摄像机 8 路"));
        ApiClient.Response r = api.post("t-eng", "/api/config-items", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    private Map<String, Object> change(List<Long> itemIds) {
        Map<String, Object> body = ChangeBodies.normal(site, List.of(device.getId()), "视频平台升级", WINDOW, Duration.ofHours(2));
        body.put("configItemIds", itemIds);
        return body;
    }

    private ApiClient.Response act(String user, long id, String action, Object body) {
        return api.post(user, "/api/changes/" + id + "/" + action, body);
    }

    /** Asked for, approved (so announced) and in its window. */
    private long inItsWindow(List<Long> itemIds) {
        ApiClient.Response asked = api.post("t-eng", "/api/changes", change(itemIds));
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(201);
        long id = asked.body().path("id").asLong();
        assertThat(act("t-sup", id, "decision", Map.of("approve", true, "note", "同意")).status()).isEqualTo(200);
        clock.set(WINDOW);
        String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("change-" + id)
                .singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).activityId("windowOpens")
                .timers().singleResult().getId());
        return id;
    }

    private long done(String outcome) {
        long id = inItsWindow(List.of());
        assertThat(act("t-eng", id, "outcome", Map.of("outcome", outcome, "note", "已完成")).status()).isEqualTo(200);
        return id;
    }

    private long told(String user, String number) {
        return jdbc.queryForObject("select count(*) from notification where recipient_user = ? and event_type = 'ChangeNotAccepted'"
                + " and event_params like ?", Long.class, user, "%" + number + "%");
    }

    private static List<String> fields(ApiClient.Response r) {
        return r.errorFields();
    }

    @Test
    void aChangeNamesItsItemsSetsTheirNewValuesWithItsOutcomeAndListsTheFaultsThatFollowedIt() {
        long platform = item("视频监控平台 " + System.nanoTime(), "IN_SERVICE");
        long client = item("客户端 " + System.nanoTime(), "IN_SERVICE");
        long retired = item("旧平台 " + System.nanoTime(), "RETIRED");

        // the items must be the unit's, known and in use
        assertThat(fields(api.post("t-eng", "/api/changes", change(List.of(retired))))).containsExactly("configItemIds");
        assertThat(fields(api.post("t-eng", "/api/changes", change(List.of(platform, 999_999_999L))))).containsExactly("configItemIds");
        List<Long> tooMany = new ArrayList<>();
        for (long i = 0; i < 21; i++) {
            tooMany.add(900_000_000L + i);
        }
        assertThat(fields(api.post("t-eng", "/api/changes", change(tooMany)))).containsExactly("configItemIds");

        Ticket before = report(Category.DEFECT); // reported before the window: not the change's doing
        long id = inItsWindow(List.of(platform, client));
        JsonNode asked = api.get("t-sup", "/api/changes/" + id).body();
        String number = asked.path("number").asText();
        assertThat(asked.path("configItems").findValuesAsText("id")).containsExactly(String.valueOf(platform), String.valueOf(client));
        assertThat(asked.path("configItems").get(0).path("version").asText()).isEqualTo("iVMS-8700 V3.3");
        assertThat(asked.path("configItems").get(0).path("kind").asText()).isEqualTo("APPLICATION");

        clock.set(WINDOW.plus(Duration.ofHours(1)));
        Ticket during = report(Category.DEFECT);
        clock.set(WINDOW.plus(Duration.ofHours(2)).plus(Duration.ofDays(7)).minusSeconds(60));
        Ticket weekAfter = report(Category.DEFECT);
        clock.set(WINDOW.plus(Duration.ofHours(2)).plus(Duration.ofDays(7)).plusSeconds(60));
        report(Category.DEFECT); // more than a week after the window: no longer listed
        JsonNode afterwards = api.get("t-sup", "/api/changes/" + id).body();
        assertThat(afterwards.path("casesAfter").findValuesAsText("number")).containsExactly(during.getNumber(), weekAfter.getNumber())
                .doesNotContain(before.getNumber());
        assertThat(afterwards.path("casesAfter").get(0).path("deviceName").asText()).isEqualTo(device.getName());
        assertThat(api.get(customerUser, "/api/changes/" + id).body().path("casesAfter")).isEmpty();
        assertThat(api.get(customerUser, "/api/changes/" + id).body().path("configItems")).hasSize(2);

        // bad updates: named by their place, and nothing is recorded
        List<Map<String, Object>> update = List.of(Map.of("itemId", platform, "version", "iVMS-8700 V3.5",
                "parameters", "接入摄像机 8 路；回放缓存 2GB"));
        assertThat(fields(act("t-eng", id, "outcome", Map.of("outcome", "ROLLED_BACK", "note", "已回退", "itemUpdates", update))))
                .containsExactly("itemUpdates");
        assertThat(fields(act("t-eng", id, "outcome", Map.of("outcome", "SUCCEEDED", "note", "完成",
                "itemUpdates", List.of(Map.of("itemId", retired, "version", "V9")))))).containsExactly("itemUpdates[0].itemId");
        assertThat(fields(act("t-eng", id, "outcome", Map.of("outcome", "SUCCEEDED", "note", "完成",
                "itemUpdates", List.of(Map.of("itemId", platform, "version", "V".repeat(101))))))).containsExactly("itemUpdates[0].version");
        assertThat(fields(act("t-eng", id, "outcome", Map.of("outcome", "SUCCEEDED", "note", "完成",
                "itemUpdates", List.of(Map.of("itemId", platform), Map.of("itemId", platform)))))).containsExactly("itemUpdates[1].itemId");
        assertThat(api.get("t-sup", "/api/changes/" + id).body().path("status").asText()).isEqualTo("IN_PROGRESS");

        ApiClient.Response done = act("t-eng", id, "outcome", Map.of("outcome", "SUCCEEDED", "note", "升级完成",
                "itemUpdates", List.of(update.get(0), Map.of("itemId", client, "version", " "))));
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
        JsonNode finished = api.get("t-sup", "/api/changes/" + id).body();
        assertThat(finished.path("itemChanges").findValuesAsText("field")).containsExactly("version", "parameters");
        assertThat(finished.path("itemChanges").get(0).path("oldValue").asText()).isEqualTo("iVMS-8700 V3.3");
        assertThat(finished.path("itemChanges").get(0).path("newValue").asText()).isEqualTo("iVMS-8700 V3.5");
        assertThat(finished.path("itemChanges").findValuesAsText("itemId")).containsOnly(String.valueOf(platform));

        JsonNode item = api.get("t-desk", "/api/config-items/" + platform).body();
        assertThat(item.path("version").asText()).isEqualTo("iVMS-8700 V3.5");
        assertThat(item.path("parameters").asText()).isEqualTo("接入摄像机 8 路；回放缓存 2GB");
        JsonNode byChange = item.path("history").get(0);
        assertThat(byChange.path("changeId").asLong()).isEqualTo(id);
        assertThat(byChange.path("changeNumber").asText()).isEqualTo(number);
        assertThat(byChange.path("by").asText()).isEqualTo("t-eng");
        assertThat(item.path("changes").findValuesAsText("number")).containsExactly(number);
        assertThat(item.path("changes").get(0).path("status").asText()).isEqualTo("DONE");
        assertThat(item.path("changes").get(0).path("outcome").asText()).isEqualTo("SUCCEEDED");
        // the client item was named but given nothing new: its history has no line from the change
        JsonNode untouched = api.get("t-desk", "/api/config-items/" + client).body();
        assertThat(untouched.path("version").asText()).isEqualTo("iVMS-8700 V3.3");
        assertThat(untouched.path("history").findValuesAsText("changeNumber")).isEmpty();
        assertThat(untouched.path("changes").findValuesAsText("number")).containsExactly(number);
        // the customer reads the item's changes they were told of
        assertThat(api.get(customerUser, "/api/config-items/" + platform).body().path("changes").findValuesAsText("number"))
                .containsExactly(number);
        // the item's new values are in the audit trail with the change's actor
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'config_item_event' and actor = 't-eng'"
                + " and entity_id in (select cast(id as varchar(40)) from config_item_event where change_id = ?)", Long.class, id))
                .isEqualTo(2);
    }

    @Test
    void theCustomerSignsAFinishedChangeOffOnceAndANoTellsTheSupervisorsAndTheImplementer() {
        long id = inItsWindow(List.of());
        String number = api.get("t-sup", "/api/changes/" + id).body().path("number").asText();
        assertThat(api.get(customerUser, "/api/changes/" + id).body().path("actions").path("confirm").asBoolean()).isFalse();
        assertThat(act(customerUser, id, "confirmation", Map.of("accepted", true)).status()).as("no outcome yet").isEqualTo(409);
        assertThat(act("t-eng", id, "outcome", Map.of("outcome", "SUCCEEDED", "note", "完成")).status()).isEqualTo(200);

        assertThat(api.get(customerUser, "/api/changes/" + id).body().path("actions").path("confirm").asBoolean()).isTrue();
        assertThat(api.get("t-desk", "/api/changes/" + id).body().path("actions").path("confirm").asBoolean()).isTrue();
        assertThat(api.get("t-eng", "/api/changes/" + id).body().path("actions").path("confirm").asBoolean()).isFalse();
        assertThat(act("t-eng", id, "confirmation", Map.of("accepted", true, "confirmedByName", "王主任")).status()).isEqualTo(403);
        assertThat(fields(act(customerUser, id, "confirmation", Map.of("opinion", "好")))).containsExactly("accepted");
        assertThat(fields(act(customerUser, id, "confirmation", Map.of("accepted", false, "opinion", " ")))).containsExactly("opinion");
        assertThat(fields(act("t-desk", id, "confirmation", Map.of("accepted", true)))).containsExactly("confirmedByName");
        assertThat(fields(act("t-desk", id, "confirmation", Map.of("accepted", true, "confirmedByName", "王".repeat(101)))))
                .containsExactly("confirmedByName");
        assertThat(api.get("t-sup", "/api/changes/" + id).body().has("confirmation")).as("nothing half-written").isFalse();

        ApiClient.Response no = act(customerUser, id, "confirmation",
                Map.of("accepted", false, "opinion", "三号楼监控仍有丢包", "confirmedByName", "冒名"));
        assertThat(no.status()).as(no.body().toString()).isEqualTo(200);
        JsonNode confirmation = no.body().path("confirmation");
        assertThat(confirmation.path("accepted").asBoolean()).isFalse();
        assertThat(confirmation.path("opinion").asText()).isEqualTo("三号楼监控仍有丢包");
        assertThat(confirmation.path("confirmedByName").asText()).as("a user of the unit signs as themselves").isEqualTo("钱科长");
        assertThat(confirmation.path("onBehalf").asBoolean()).isFalse();
        assertThat(confirmation.path("recordedBy").asText()).isEqualTo(customerUser);
        assertThat(Instant.parse(confirmation.path("confirmedAt").asText())).isEqualTo(WINDOW);
        assertThat(no.body().path("actions").path("confirm").asBoolean()).isFalse();
        assertThat(told("t-sup", number)).isEqualTo(1);
        assertThat(told("t-eng", number)).isEqualTo(1);
        JsonNode bell = api.get("t-sup", "/api/notifications").body();
        assertThat(bell.findValuesAsText("page")).contains("/changes/" + id);
        assertThat(bell.findValuesAsText("message")).anyMatch(m -> m.contains("三号楼监控仍有丢包") && m.contains(number));
        // once
        ApiClient.Response again = act("t-desk", id, "confirmation", Map.of("accepted", true, "confirmedByName", "王主任"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.get("t-sup", "/api/changes/" + id).body().path("confirmation").path("accepted").asBoolean()).isFalse();
        // on the audit trail with its actor
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'change_request' and entity_id = ?"
                + " and actor = ?", Long.class, String.valueOf(id), customerUser)).isEqualTo(1);
    }

    @Test
    void theDeskRecordsASignOffGivenByPhoneAndTwoClicksAtOnceRecordOne() throws Exception {
        long id = done("SUCCEEDED");
        String number = api.get("t-sup", "/api/changes/" + id).body().path("number").asText();
        List<Integer> statuses = AtOnce.statuses(
                () -> act("t-desk", id, "confirmation", Map.of("accepted", true, "opinion", "电话确认，画面正常", "confirmedByName", "王主任")).status(),
                () -> act("t-sup", id, "confirmation", Map.of("accepted", true, "opinion", "电话确认，画面正常", "confirmedByName", "王主任")).status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode confirmation = api.get(customerUser, "/api/changes/" + id).body().path("confirmation");
        assertThat(confirmation.path("accepted").asBoolean()).isTrue();
        assertThat(confirmation.path("confirmedByName").asText()).isEqualTo("王主任");
        assertThat(confirmation.path("onBehalf").asBoolean()).isTrue();
        assertThat(told("t-sup", number) + told("t-eng", number)).as("an accepted change tells nobody").isZero();
    }

    @Test
    void twentyItemsTwentyLaterFaultsAndFiftyChangesPerItemAreWhatThePagesHold() {
        // a change may name twenty items (the twenty-first is refused in the test above)
        List<Long> twenty = new ArrayList<>();
        for (int i = 0; i < ReadConfigItems.MAX_PER_CHANGE; i++) {
            twenty.add(item("子系统 " + i + " " + System.nanoTime(), "IN_SERVICE"));
        }
        assertThat(ReadConfigItems.MAX_PER_CHANGE).isEqualTo(20);
        long id = inItsWindow(twenty);
        assertThat(api.get("t-sup", "/api/changes/" + id).body().path("configItems")).hasSize(20);

        // twenty-one faults after it: the page lists the first twenty, oldest first
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < ReadChanges.MAX_CASES_AFTER + 1; i++) {
            clock.set(WINDOW.plus(Duration.ofMinutes(10L * (i + 1))));
            numbers.add(report(Category.DEFECT).getNumber());
        }
        assertThat(api.get("t-sup", "/api/changes/" + id).body().path("casesAfter").findValuesAsText("number"))
                .containsExactlyElementsOf(numbers.subList(0, 20));

        // an item's page lists the fifty changes with the latest windows
        long busy = twenty.get(0);
        clock.set(NOW);
        for (int i = 0; i < ChangesNamingItems.MAX_LISTED; i++) {
            assertThat(api.post("t-eng", "/api/changes", change(List.of(busy))).status()).isEqualTo(201);
        }
        JsonNode changes = api.get("t-desk", "/api/config-items/" + busy).body().path("changes");
        assertThat(changes).hasSize(50);
        assertThat(changes.findValuesAsText("number")).as("the first change, in its window already, is left out")
                .doesNotContain(api.get("t-sup", "/api/changes/" + id).body().path("number").asText());
    }
}
