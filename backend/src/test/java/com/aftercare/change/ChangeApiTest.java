package com.aftercare.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
 * RP-5 at the door: a confused or hostile client gets a 400 naming each bad field and nothing is written; the limits
 * hold at both edges; only the desk, engineers and supervisors ask, another unit's user sees nothing, two approvals at
 * once are one; every step is in the audit trail with its actor and the customer it belongs to.
 */
class ChangeApiTest extends IntegrationTest {

    static final Instant NOW = Instant.parse("2027-05-10T02:00:00Z");

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    ApiClient api;

    @BeforeEach
    void at() {
        api = new ApiClient(rest);
        clock.set(NOW);
    }

    private Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", site.getCustomer().getId());
        body.put("siteId", site.getId());
        body.put("deviceIds", List.of(device.getId()));
        body.put("title", "录像机硬盘扩容");
        body.put("description", "为 NVR 增加两块 8TB 硬盘");
        body.put("reason", "录像保存天数不足 60 天");
        body.put("impact", "NVR 重启期间录像中断约 10 分钟");
        body.put("fallback", "拆除新硬盘，恢复原阵列配置");
        body.put("major", false);
        body.put("plannedStart", NOW.plus(Duration.ofDays(2)).toString());
        body.put("plannedEnd", NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)).toString());
        body.put("implementer", "t-eng");
        return body;
    }

    private long changes() {
        return jdbc.queryForObject("select count(*) from change_request", Long.class);
    }

    private List<String> refused(Map<String, Object> body) {
        ApiClient.Response r = api.post("t-desk", "/api/changes", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        return r.errorFields();
    }

    @Test
    void badInputNamesEachFieldAndWritesNothing() {
        long before = changes();
        Map<String, Object> empty = new HashMap<>();
        assertThat(refused(empty)).contains("customerId", "title", "description", "reason", "impact", "fallback", "major",
                "plannedStart", "plannedEnd", "implementer");

        Map<String, Object> blank = body();
        blank.put("title", "   ");
        assertThat(refused(blank)).containsExactly("title");

        Map<String, Object> majorWithoutTest = body();
        majorWithoutTest.put("major", true);
        majorWithoutTest.put("plannedStart", NOW.plus(Duration.ofDays(4)).toString());
        majorWithoutTest.put("plannedEnd", NOW.plus(Duration.ofDays(4)).plusSeconds(3600).toString());
        assertThat(refused(majorWithoutTest)).containsExactly("testPlan");

        Map<String, Object> backwards = body();
        backwards.put("plannedEnd", NOW.plus(Duration.ofDays(2)).minusSeconds(60).toString());
        assertThat(refused(backwards)).containsExactly("plannedEnd");

        Map<String, Object> tooLong = body();
        tooLong.put("plannedEnd", NOW.plus(Duration.ofDays(2)).plus(Duration.ofDays(7)).plusSeconds(1).toString());
        assertThat(refused(tooLong)).containsExactly("plannedEnd");

        Map<String, Object> tooFar = body();
        tooFar.put("plannedStart", NOW.plus(Duration.ofDays(367)).toString());
        tooFar.put("plannedEnd", NOW.plus(Duration.ofDays(367)).plusSeconds(3600).toString());
        assertThat(refused(tooFar)).containsExactly("plannedStart");

        Map<String, Object> desk = body();
        desk.put("implementer", "t-desk");
        assertThat(refused(desk)).containsExactly("implementer");
        Map<String, Object> nobody = body();
        nobody.put("implementer", "no-such-user");
        assertThat(refused(nobody)).containsExactly("implementer");

        // another unit's device and site
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        Site otherSite = assets.createSite(new NewSite(other.getId(), "Other site", "Road 2", Region.CITY, "C", "1"));
        Device otherDevice = assets.createDevice(new NewDevice(otherSite.getId(), DeviceType.OTHER, "Other cam", "X", "SN-o"
                + System.nanoTime(), "127.0.0.1", null, null, null, false));
        Map<String, Object> foreignDevice = body();
        foreignDevice.put("deviceIds", List.of(otherDevice.getId()));
        assertThat(refused(foreignDevice)).containsExactly("deviceIds");
        Map<String, Object> foreignSite = body();
        foreignSite.put("siteId", otherSite.getId());
        assertThat(refused(foreignSite)).contains("siteId");
        Map<String, Object> unknownCustomer = body();
        unknownCustomer.put("customerId", 987654321L);
        assertThat(refused(unknownCustomer)).contains("customerId");
        Map<String, Object> tooMany = body();
        List<Long> many = new ArrayList<>();
        for (long i = 1; i <= 51; i++) {
            many.add(i);
        }
        tooMany.put("deviceIds", many);
        assertThat(refused(tooMany)).containsExactly("deviceIds");
        assertThat(api.post("t-desk", "/api/changes", "{\"major\": \"maybe\"}").status()).isEqualTo(400);

        assertThat(changes()).isEqualTo(before);
    }

    @Test
    void theTextLimitsHoldAtBothEdges() {
        Map<String, Object> longest = body();
        longest.put("title", "题".repeat(200));
        longest.put("description", "述".repeat(4000));
        longest.put("impact", "影".repeat(2000));
        longest.put("fallback", "回".repeat(2000));
        longest.put("reason", "因".repeat(2000));
        ApiClient.Response kept = api.post("t-desk", "/api/changes", longest);
        assertThat(kept.status()).as(kept.body().toString()).isEqualTo(201);
        assertThat(kept.body().path("description").asText()).hasSize(4000);
        for (String[] field : new String[][] {{"title", "201"}, {"description", "4001"}, {"impact", "2001"}, {"fallback", "2001"},
                {"reason", "2001"}}) {
            Map<String, Object> over = body();
            over.put(field[0], "超".repeat(Integer.parseInt(field[1])));
            assertThat(refused(over)).as(field[0]).containsExactly(field[0]);
        }
        long id = kept.body().path("id").asLong();
        assertThat(api.post("t-sup", "/api/changes/" + id + "/decision", Map.of("approve", false, "note", "否".repeat(1001)))
                .errorFields()).containsExactly("note");
        assertThat(api.post("t-sup", "/api/changes/" + id + "/decision", Map.of("approve", false, "note", "否".repeat(1000))).status())
                .isEqualTo(200);

        // the longest change announced: the notice quotes the start of impact and fallback, so the fallback is still
        // in the customer's 1,000-character notification, and the event is kept (its text reads in any language)
        String user = "cu-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(user, PASSWORD, "本单位", site.getCustomer().getId());
        ApiClient.Response longestAgain = api.post("t-desk", "/api/changes", longest);
        long announced = longestAgain.body().path("id").asLong();
        assertThat(api.post("t-sup", "/api/changes/" + announced + "/decision", Map.of("approve", true)).status()).isEqualTo(200);
        Map<String, Object> notice = jdbc.queryForMap("select message, event_params from notification where recipient_user = ?"
                + " and event_type = 'ChangeAnnounced'", user);
        assertThat(notice.get("event_params")).isNotNull();
        assertThat(notice.get("message").toString()).contains("回退方案恢复：" + "回".repeat(249) + "…");

        // the other notes at their edges
        Map<String, Object> major = body();
        major.put("major", true);
        major.put("testPlan", "测".repeat(2000));
        major.put("plannedStart", NOW.plus(Duration.ofDays(4)).toString());
        major.put("plannedEnd", NOW.plus(Duration.ofDays(4)).plusSeconds(3600).toString());
        assertThat(api.post("t-desk", "/api/changes", major).status()).isEqualTo(201);
        major.put("testPlan", "测".repeat(2001));
        assertThat(refused(major)).containsExactly("testPlan");
        major.put("testPlan", "测".repeat(10));
        long tested = api.post("t-desk", "/api/changes", major).body().path("id").asLong();
        api.post("t-sup", "/api/changes/" + tested + "/decision", Map.of("approve", true));
        assertThat(api.post("t-eng", "/api/changes/" + tested + "/test", Map.of("passed", false, "note", "试".repeat(1001)))
                .errorFields()).containsExactly("note");
        assertThat(api.post("t-eng", "/api/changes/" + tested + "/test", Map.of("passed", false, "note", "试".repeat(1000))).status())
                .isEqualTo(200);
        long withdrawn = api.post("t-desk", "/api/changes", body()).body().path("id").asLong();
        Instant later = NOW.plus(Duration.ofDays(3));
        assertThat(api.post("t-desk", "/api/changes/" + withdrawn + "/reschedule", Map.of("plannedStart", later.toString(),
                "plannedEnd", later.plusSeconds(60).toString(), "note", "改".repeat(1001))).errorFields()).containsExactly("note");
        assertThat(api.post("t-desk", "/api/changes/" + withdrawn + "/reschedule", Map.of("plannedStart", later.toString(),
                "plannedEnd", later.plusSeconds(60).toString(), "note", "改".repeat(1000))).status()).isEqualTo(200);
        assertThat(api.post("t-desk", "/api/changes/" + withdrawn + "/cancel", Map.of("reason", "取".repeat(1001))).errorFields())
                .containsExactly("reason");
        assertThat(api.post("t-desk", "/api/changes/" + withdrawn + "/cancel", Map.of("reason", "取".repeat(1000))).status())
                .isEqualTo(200);
    }

    @Test
    void theWindowAndDeviceLimitsHoldAtBothEdges() {
        // exactly 366 days ahead and exactly 7 days long are kept
        Map<String, Object> far = body();
        far.put("plannedStart", NOW.plus(Duration.ofDays(366)).toString());
        far.put("plannedEnd", NOW.plus(Duration.ofDays(366)).plus(Duration.ofDays(7)).toString());
        ApiClient.Response kept = api.post("t-desk", "/api/changes", far);
        assertThat(kept.status()).as(kept.body().toString()).isEqualTo(201);
        far.put("plannedStart", NOW.plus(Duration.ofDays(366)).plusSeconds(1).toString());
        assertThat(refused(far)).containsExactly("plannedStart");
        // fifty devices of the site are kept, the fifty-first is refused (above)
        List<Long> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Cam " + i, "X", "SN-50-" + i + "-"
                    + System.nanoTime(), "127.0.0.1", null, null, null, false)).getId());
        }
        Map<String, Object> many = body();
        many.put("deviceIds", fifty);
        ApiClient.Response all = api.post("t-desk", "/api/changes", many);
        assertThat(all.status()).as(all.body().toString()).isEqualTo(201);
        assertThat(all.body().path("devices").size()).isEqualTo(50);
    }

    @Test
    void aChangeShowsStaffTheUnitsOtherChangesWhoseWindowsOverlapIt() {
        Instant start = NOW.plus(Duration.ofDays(20));
        Map<String, Object> first = body();
        first.put("plannedStart", start.toString());
        first.put("plannedEnd", start.plus(Duration.ofHours(2)).toString());
        long a = api.post("t-desk", "/api/changes", first).body().path("id").asLong();
        Map<String, Object> overlapping = body();
        overlapping.put("title", "核心交换机固件升级");
        overlapping.put("plannedStart", start.plus(Duration.ofHours(1)).toString());
        overlapping.put("plannedEnd", start.plus(Duration.ofHours(3)).toString());
        long b = api.post("t-desk", "/api/changes", overlapping).body().path("id").asLong();
        // right after the first ends: touching is not overlapping
        Map<String, Object> after = body();
        after.put("plannedStart", start.plus(Duration.ofHours(2)).toString());
        after.put("plannedEnd", start.plus(Duration.ofHours(4)).toString());
        long c = api.post("t-desk", "/api/changes", after).body().path("id").asLong();

        JsonNode seen = api.get("t-sup", "/api/changes/" + a).body();
        assertThat(seen.path("clashes").findValuesAsText("number")).containsExactly(ChangeRequest.number(b));
        assertThat(seen.path("clashes").get(0).path("title").asText()).isEqualTo("核心交换机固件升级");
        assertThat(api.get("t-sup", "/api/changes/" + c).body().path("clashes").findValuesAsText("number"))
                .containsExactly(ChangeRequest.number(b));
        // a withdrawn change clashes with nothing any more
        api.post("t-desk", "/api/changes/" + b + "/cancel", Map.of("reason", "合并到另一个变更"));
        assertThat(api.get("t-sup", "/api/changes/" + a).body().path("clashes").size()).isZero();
        // nor does the one after it, whose only clash was the withdrawn one
        assertThat(api.get("t-sup", "/api/changes/" + c).body().path("clashes").size()).isZero();
    }

    @Test
    void whoMayAskAndWhoSeesWhat() {
        // the desk, engineers and supervisors ask; an administrator or a process owner does not
        assertThat(api.post("t-admin", "/api/changes", body()).status()).isEqualTo(403);
        String owner = "po-" + System.nanoTime();
        accounts.createIfAbsent(owner, PASSWORD, "流程负责人", java.util.Set.of(Role.PROCESS_OWNER));
        assertThat(api.post(owner, "/api/changes", body()).status()).isEqualTo(403);
        long id = api.post("t-desk", "/api/changes", body()).body().path("id").asLong();
        // every staff role reads it
        assertThat(api.get(owner, "/api/changes/" + id).status()).isEqualTo(200);
        assertThat(api.get("t-admin", "/api/changes?status=SUBMITTED").body().findValuesAsText("number"))
                .contains(ChangeRequest.number(id));
        assertThat(api.get("t-admin", "/api/changes?status=NOT_A_STATUS").status()).isEqualTo(400);

        // a customer's user: not their unit's to ask for; before the notice not even their own unit's to see
        String mine = "cu-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(mine, PASSWORD, "本单位", site.getCustomer().getId());
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        String theirs = "cu-o-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(theirs, PASSWORD, "外单位", other.getId());
        assertThat(api.post(mine, "/api/changes", body()).status()).isEqualTo(403);
        assertThat(api.get(mine, "/api/changes/" + id).status()).isEqualTo(404);
        assertThat(api.get(mine, "/api/changes").body().findValuesAsText("number")).doesNotContain(ChangeRequest.number(id));
        api.post("t-sup", "/api/changes/" + id + "/decision", Map.of("approve", true));
        assertThat(api.get(mine, "/api/changes").body().findValuesAsText("number")).contains(ChangeRequest.number(id));
        assertThat(api.get(mine, "/api/changes/" + id).body().has("clashes")).as("the provider's planning is its own").isFalse();
        assertThat(api.get(theirs, "/api/changes/" + id).status()).isEqualTo(404);
        assertThat(api.get(theirs, "/api/changes").body().findValuesAsText("number")).doesNotContain(ChangeRequest.number(id));
        assertThat(api.post(mine, "/api/changes/" + id + "/cancel", Map.of("reason", "不要")).status()).isEqualTo(403);
    }

    @Test
    void twoApprovalsAtOnceAreOneAndTheCustomerIsToldOnce() throws Exception {
        String user = "cu-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(user, PASSWORD, "本单位", site.getCustomer().getId());
        JsonNode asked = api.post("t-eng", "/api/changes", body()).body();
        long id = asked.path("id").asLong();
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(clicks.submit(() -> {
                    go.await();
                    return api.post("t-sup", "/api/changes/" + id + "/decision", Map.of("approve", true)).status();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            clicks.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_user = ? and event_type = 'ChangeAnnounced'",
                Long.class, user)).isEqualTo(1);
        assertThat(managementService.createJobQuery().processInstanceId(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey("change-" + id).singleResult().getId()).timers().count()).isEqualTo(1);
    }

    @Test
    void everyStepIsAuditedWithItsActorAndTheCustomerItBelongsTo() {
        long id = api.post("t-eng", "/api/changes", body()).body().path("id").asLong();
        api.post("t-sup", "/api/changes/" + id + "/decision", Map.of("approve", true, "note", "同意"));
        api.post("t-eng", "/api/changes/" + id + "/cancel", Map.of("reason", "用户临时有重要保障任务"));
        List<Map<String, Object>> entries = jdbc.queryForList("select actor, action, customer_id, changes from audit_log"
                + " where entity_type = 'change_request' and entity_id = ? order by seq", String.valueOf(id));
        assertThat(entries).extracting(e -> e.get("actor")).containsExactly("t-eng", "t-sup", "t-eng");
        assertThat(entries).extracting(e -> ((Number) e.get("customer_id")).longValue()).containsOnly(site.getCustomer().getId());
        assertThat(entries.get(2).get("changes").toString()).contains("CANCELLED", "用户临时有重要保障任务");
        assertThat(api.get("t-sup", "/api/audit/verify").status()).isEqualTo(200);
    }
}
