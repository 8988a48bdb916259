package com.aftercare.configitem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * RP-4: a unit's applications, software, links and services, what they rest on, and every change to them. A keeper's
 * edit is a history line per field; a device's failure is followed through the items that rest on it; loops, duplicates,
 * other units and retired items are refused; bad input names each field and writes nothing; every row is audited.
 */
class ConfigItemApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    ApiClient api;

    @BeforeEach
    void at() {
        api = new ApiClient(rest);
        clock.set(Instant.parse("2027-03-01T02:00:00Z"));
    }

    private Map<String, Object> item(String name, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", site.getCustomer().getId());
        body.put("kind", kind);
        body.put("name", name);
        return body;
    }

    private JsonNode register(String user, Map<String, Object> body) {
        ApiClient.Response r = api.post(user, "/api/config-items", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    private long id(JsonNode item) {
        return item.path("id").asLong();
    }

    private ApiClient.Response link(long itemId, String relation, String targetKey, long targetId) {
        return api.post("t-eng", "/api/config-items/" + itemId + "/links", Map.of("relation", relation, targetKey, targetId));
    }

    private Map<String, Object> edit(JsonNode read) {
        Map<String, Object> body = new HashMap<>();
        for (String f : List.of("kind", "name", "version", "location", "status", "owner", "parameters", "notes")) {
            body.put(f, read.hasNonNull(f) ? read.path(f).asText() : null);
        }
        body.put("revision", read.path("revision").asLong());
        return body;
    }

    private long rows() {
        return jdbc.queryForObject("select (select count(*) from config_item) + (select count(*) from config_item_link)"
                + " + (select count(*) from config_item_event)", Long.class);
    }

    @Test
    void aKeeperRegistersAnItemCorrectsItAndEachChangedFieldIsAHistoryLine() {
        Map<String, Object> body = item("视频监控平台 " + System.nanoTime(), "APPLICATION");
        body.put("version", "V2.1");
        body.put("location", "监控中心机房 2 号机柜");
        body.put("parameters", "接入 120 路; 存储 60 天");
        JsonNode created = register("t-eng", body);
        assertThat(created.path("number").asText()).isEqualTo(String.format("CI-%06d", id(created)));
        assertThat(created.path("status").asText()).as("what is recorded is mostly running already").isEqualTo("IN_SERVICE");
        assertThat(created.path("canEdit").asBoolean()).isTrue();
        assertThat(created.path("history").findValuesAsText("action")).containsExactly("CREATED");

        Map<String, Object> upgrade = edit(created);
        upgrade.put("version", "V2.2");
        upgrade.put("status", "PLANNED");
        JsonNode edited = api.exchange("t-sup", HttpMethod.PUT, "/api/config-items/" + id(created), upgrade, null).body();
        assertThat(edited.path("version").asText()).isEqualTo("V2.2");
        JsonNode lines = edited.path("history");
        assertThat(lines.findValuesAsText("action")).containsExactly("EDITED", "EDITED", "CREATED");
        Map<String, String> changed = new HashMap<>();
        for (JsonNode line : lines) {
            if (line.has("field")) {
                changed.put(line.path("field").asText(), line.path("oldValue").asText() + " -> " + line.path("newValue").asText());
                assertThat(line.path("by").asText()).isEqualTo("t-sup");
                assertThat(line.path("byName").asText()).isEqualTo("Test Supervisor");
            }
        }
        assertThat(changed).containsExactlyInAnyOrderEntriesOf(Map.of("version", "V2.1 -> V2.2", "status", "IN_SERVICE -> PLANNED"));

        // the same again changes nothing and writes nothing; the revision read before the upgrade is stale now
        long before = rows();
        assertThat(api.exchange("t-sup", HttpMethod.PUT, "/api/config-items/" + id(created), edit(edited), null).status()).isEqualTo(200);
        Map<String, Object> stale = edit(created);
        stale.put("location", "别处");
        ApiClient.Response late = api.exchange("t-eng", HttpMethod.PUT, "/api/config-items/" + id(created), stale, null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(rows()).isEqualTo(before);
        assertThat(api.get("t-eng", "/api/config-items/" + id(created)).body().path("location").asText()).isEqualTo("监控中心机房 2 号机柜");

        List<Map<String, Object>> audit = jdbc.queryForList("select actor, customer_id from audit_log where entity_type = 'config_item'"
                + " and entity_id = ? order by seq", String.valueOf(id(created)));
        assertThat(audit).extracting(e -> e.get("actor")).containsExactly("t-eng", "t-sup");
        assertThat(audit).extracting(e -> ((Number) e.get("customer_id")).longValue()).containsOnly(site.getCustomer().getId());
        assertThat(api.get("t-sup", "/api/audit/verify").status()).isEqualTo(200);
    }

    @Test
    void badInputNamesEachFieldAndWritesNothing() {
        long before = rows();
        assertThat(refused("/api/config-items", new HashMap<>())).containsExactlyInAnyOrder("customerId", "kind", "name");
        Map<String, Object> unknownUnit = item("X", "SERVICE");
        unknownUnit.put("customerId", 99_999_999L);
        assertThat(refused("/api/config-items", unknownUnit)).containsExactly("customerId");
        Map<String, Object> badKind = item("X", "PRINTER");
        assertThat(api.post("t-eng", "/api/config-items", badKind).status()).isEqualTo(400);

        // every limit at its edge: the longest is kept, one more is refused naming the field
        Map<String, Integer> limits = Map.of("name", 100, "version", 100, "location", 200, "owner", 100, "parameters", 2000,
                "notes", 2000);
        Map<String, Object> longest = item("名".repeat(100), "NETWORK");
        limits.forEach((field, max) -> {
            Map<String, Object> over = item("超长 " + field, "NETWORK");
            over.put(field, "长".repeat(max + 1));
            assertThat(refused("/api/config-items", over)).as(field).containsExactly(field);
            if (!field.equals("name")) {
                longest.put(field, "长".repeat(max));
            }
        });
        assertThat(rows()).isEqualTo(before);
        JsonNode kept = register("t-eng", longest);
        assertThat(kept.path("notes").asText()).hasSize(2000);
        assertThat(kept.path("name").asText()).hasSize(100);
        assertThat(refused("/api/config-items", item("名".repeat(100), "SERVICE"))).as("a unit's names are unique").containsExactly("name");

        // relations: one target, known, the same unit's, not itself
        long id = id(kept);
        String path = "/api/config-items/" + id + "/links";
        long afterCreate = rows();
        assertThat(refused(path, Map.of())).containsExactlyInAnyOrder("relation", "deviceId");
        assertThat(refused(path, Map.of("relation", "RUNS_ON", "deviceId", device.getId(), "itemId", id))).containsExactly("deviceId");
        assertThat(refused(path, Map.of("relation", "RUNS_ON", "deviceId", 99_999_999L))).containsExactly("deviceId");
        assertThat(refused(path, Map.of("relation", "RUNS_ON", "itemId", 99_999_999L))).containsExactly("itemId");
        assertThat(refused(path, Map.of("relation", "RUNS_ON", "itemId", id))).containsExactly("itemId");
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        Site theirSite = assets.createSite(new NewSite(other.getId(), "Their site", "Road 2", Region.CITY, "C", "1"));
        Device theirs = assets.createDevice(new NewDevice(theirSite.getId(), DeviceType.SWITCH, "Their switch", "S1",
                "SN-T-" + System.nanoTime(), null, null, null, null, null));
        assertThat(refused(path, Map.of("relation", "CONNECTS_TO", "deviceId", theirs.getId()))).containsExactly("deviceId");
        assertThat(rows()).isEqualTo(afterCreate);
        assertThat(api.exchange("t-eng", HttpMethod.PUT, "/api/config-items/" + id, Map.of("name", "x"), null).errorFields())
                .containsExactlyInAnyOrder("kind", "status", "revision");
    }

    private List<String> refused(String path, Map<String, Object> body) {
        ApiClient.Response r = api.post("t-eng", path, body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        return r.errorFields();
    }

    @Test
    void aDevicesFailureIsFollowedThroughTheItemsThatRestOnItAndLoopsAreRefused() {
        String tag = " " + System.nanoTime();
        long vms = id(register("t-eng", item("录像管理服务" + tag, "SOFTWARE")));
        long platform = id(register("t-eng", item("视频监控平台" + tag, "APPLICATION")));
        long service = id(register("t-eng", item("110 联网共享" + tag, "SERVICE")));
        long old = id(register("t-eng", item("旧平台" + tag, "APPLICATION")));
        assertThat(link(vms, "RUNS_ON", "deviceId", device.getId()).status()).isEqualTo(201);
        assertThat(link(platform, "DEPENDS_ON", "itemId", vms).status()).isEqualTo(201);
        assertThat(link(service, "DEPENDS_ON", "itemId", platform).status()).isEqualTo(201);
        assertThat(link(old, "RUNS_ON", "deviceId", device.getId()).status()).isEqualTo(201);
        JsonNode oldRead = api.get("t-eng", "/api/config-items/" + old).body();
        Map<String, Object> retire = edit(oldRead);
        retire.put("status", "RETIRED");
        assertThat(api.exchange("t-eng", HttpMethod.PUT, "/api/config-items/" + old, retire, null).status()).isEqualTo(200);

        JsonNode impact = api.get("t-desk", "/api/devices/" + device.getId() + "/config-items").body();
        assertThat(impact.findValuesAsText("itemName")).as("nearest first; the retired one no longer counts")
                .containsExactly("录像管理服务" + tag, "视频监控平台" + tag, "110 联网共享" + tag);
        assertThat(impact.findValuesAsText("depth")).containsExactly("1", "2", "3");
        assertThat(impact.get(0).has("viaItemName")).isFalse();
        assertThat(impact.get(2).path("viaItemName").asText()).isEqualTo("视频监控平台" + tag);

        long before = rows();
        ApiClient.Response loop = link(vms, "DEPENDS_ON", "itemId", service);
        assertThat(loop.status()).isEqualTo(400);
        assertThat(loop.errorFields()).containsExactly("itemId");
        assertThat(link(platform, "DEPENDS_ON", "itemId", vms).status()).as("recorded already").isEqualTo(409);
        assertThat(link(platform, "DEPENDS_ON", "itemId", old).status()).as("a retired item holds nothing up").isEqualTo(400);
        assertThat(link(old, "RUNS_ON", "deviceId", device.getId()).status()).as("a retired item rests on nothing new").isEqualTo(409);
        assertThat(rows()).isEqualTo(before);

        // the platform's page: what it rests on and what rests on it
        JsonNode page = api.get("t-desk", "/api/config-items/" + platform).body();
        assertThat(page.path("canEdit").asBoolean()).as("the desk reads, keepers change").isFalse();
        assertThat(page.path("links").findValuesAsText("targetName")).containsExactly("录像管理服务" + tag);
        assertThat(page.path("usedBy").findValuesAsText("itemName")).containsExactly("110 联网共享" + tag);

        // taking the platform's relation away cuts the service off from the device; the relation stays on record
        long linkId = page.path("links").get(0).path("id").asLong();
        JsonNode unlinked = api.exchange("t-eng", HttpMethod.DELETE, "/api/config-items/" + platform + "/links/" + linkId, null, null).body();
        assertThat(unlinked.path("links").size()).isZero();
        JsonNode line = unlinked.path("history").get(0);
        assertThat(line.path("action").asText()).isEqualTo("UNLINKED");
        assertThat(line.path("relation").asText()).isEqualTo("DEPENDS_ON");
        assertThat(line.path("targetType").asText()).isEqualTo("ITEM");
        assertThat(line.path("targetName").asText()).isEqualTo("录像管理服务" + tag);
        assertThat(api.exchange("t-eng", HttpMethod.DELETE, "/api/config-items/" + platform + "/links/" + linkId, null, null).status())
                .as("a second click").isEqualTo(404);
        assertThat(api.get("t-desk", "/api/devices/" + device.getId() + "/config-items").body().findValuesAsText("itemName"))
                .containsExactly("录像管理服务" + tag);
        assertThat(jdbc.queryForObject("select removed_by from config_item_link where id = ?", String.class, linkId)).isEqualTo("t-eng");
        // now the loop that was refused is no loop
        assertThat(link(vms, "DEPENDS_ON", "itemId", service).status()).isEqualTo(201);
        assertThat(api.get("t-sup", "/api/audit/verify").status()).isEqualTo(200);
    }

    @Test
    void keepersChangeStaffReadAndACustomersUserReadsOnlyTheirOwnUnit() {
        String tag = " " + System.nanoTime();
        String owner = "po-" + System.nanoTime();
        accounts.createIfAbsent(owner, PASSWORD, "流程负责人", Set.of(Role.PROCESS_OWNER));
        assertThat(api.post("t-desk", "/api/config-items", item("前台登记" + tag, "SERVICE")).status()).isEqualTo(403);
        long mineId = id(register(owner, item("门禁管理系统" + tag, "APPLICATION")));
        link(mineId, "RUNS_ON", "deviceId", device.getId());
        Map<String, Object> planned = item("公安专网链路" + tag, "NETWORK");
        planned.put("status", "PLANNED");
        long link = id(register("t-admin", planned));

        assertThat(api.get("t-desk", "/api/config-items?customerId=" + site.getCustomer().getId() + "&kind=NETWORK").body()
                .findValuesAsText("name")).containsExactly("公安专网链路" + tag);
        assertThat(api.get("t-desk", "/api/config-items?status=PLANNED&q=" + tag.strip()).body().findValuesAsText("id"))
                .containsExactly(String.valueOf(link));
        assertThat(api.get("t-desk", "/api/config-items?q=" + ConfigItem.number(mineId)).body().findValuesAsText("id"))
                .as("found by its number").containsExactly(String.valueOf(mineId));
        JsonNode summary = api.get("t-desk", "/api/config-items?kind=APPLICATION&q=" + tag.strip()).body().get(0);
        assertThat(summary.path("links").asLong()).isEqualTo(1);
        assertThat(summary.path("customerName").asText()).isEqualTo(site.getCustomer().getName());
        assertThat(api.get("t-desk", "/api/config-items?kind=PRINTER").status()).isEqualTo(400);

        String mine = "cu-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(mine, PASSWORD, "本单位", site.getCustomer().getId());
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        String theirs = "cu-o-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(theirs, PASSWORD, "外单位", other.getId());
        assertThat(api.get(mine, "/api/config-items").body().findValuesAsText("id")).contains(String.valueOf(mineId), String.valueOf(link));
        JsonNode read = api.get(mine, "/api/config-items/" + mineId).body();
        assertThat(read.path("canEdit").asBoolean()).isFalse();
        assertThat(read.path("links").findValuesAsText("targetName")).containsExactly(device.getName());
        assertThat(api.get(mine, "/api/devices/" + device.getId() + "/config-items").body().findValuesAsText("itemName"))
                .containsExactly("门禁管理系统" + tag);
        assertThat(api.post(mine, "/api/config-items", item("客户登记" + tag, "SERVICE")).status()).isEqualTo(403);
        assertThat(api.get(theirs, "/api/config-items/" + mineId).status()).isEqualTo(404);
        assertThat(api.get(theirs, "/api/devices/" + device.getId() + "/config-items").status()).isEqualTo(404);
        assertThat(api.get(theirs, "/api/config-items?customerId=" + site.getCustomer().getId()).body().findValuesAsText("id"))
                .as("the unit filter cannot widen a customer's view").doesNotContain(String.valueOf(mineId));
    }

    @Test
    void aUnitsListStopsAt500ItemsByName() {
        long unit = assets.createCustomer("满额单位 " + System.nanoTime()).getId();
        java.sql.Timestamp at = java.sql.Timestamp.from(Instant.parse("2027-01-01T00:00:00Z"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i <= ReadConfigItems.MAX_LISTED; i++) {
            rows.add(new Object[] {unit, "SERVICE", String.format("服务-%03d", i), "IN_SERVICE", "t-eng", at, "t-eng", at});
        }
        jdbc.batchUpdate("insert into config_item (customer_id, kind, name, status, created_by, created_at, updated_by,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        JsonNode listed = api.get("t-desk", "/api/config-items?customerId=" + unit).body();
        assertThat(listed).hasSize(500);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("服务-000");
        assertThat(listed.get(499).path("name").asText()).as("the last by name is left out").isEqualTo("服务-499");
    }

    @Test
    void twoClicksOnTheSameRelationRecordItOnce() throws Exception {
        long id = id(register("t-eng", item("存储服务 " + System.nanoTime(), "SOFTWARE")));
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(clicks.submit(() -> {
                    go.await();
                    return link(id, "RUNS_ON", "deviceId", device.getId()).status();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            clicks.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(jdbc.queryForObject("select count(*) from config_item_link where item_id = ?", Long.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from config_item_event where item_id = ? and action = 'LINKED'", Long.class, id))
                .isEqualTo(1);
    }
}
