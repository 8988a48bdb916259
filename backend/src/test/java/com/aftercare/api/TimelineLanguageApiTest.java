package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.event.TimelineLanguageAssertions;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case that went through intake, the desk task, dispatch, arrival on site, a hold and its release, a level
 * change, an escalation (its timer fired by executing the job), resolution and closure, read over the API in
 * Chinese and in English: every timeline line is whole Chinese or whole English, with no enum code and no form
 * field id. Everything users typed here is Chinese, so it is only taken out for the English check.
 */
class TimelineLanguageApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    ApiClient api;
    Site chineseSite;
    Device camera;

    @BeforeEach
    void fixtures() {
        api = new ApiClient(rest);
        String unique = String.valueOf(System.nanoTime() % 100000);
        chineseSite = assets.createSite(new NewSite(site.getCustomer().getId(), "东门路口站" + unique, "东门路1号", Region.CITY,
                "王工", "13800000000"));
        // checked by TCP and HTTP on the test's fake device (OTHER: "as configured"); a camera without its VC-3 settings
        // would fail verification as not configured (issue 14)
        camera = assets.createDevice(new NewDevice(chineseSite.getId(), DeviceType.OTHER, "东门摄像机" + unique, "X1",
                "SN-TL-" + unique, "127.0.0.1", null, String.valueOf(DEVICE.port()), DEVICE.url(), false));
    }

    @Test
    void theWholeTimelineOfAnEscalatedCaseReadsInTheReadersLanguage() {
        Map<String, Object> report = new HashMap<>();
        report.put("channel", "HOTLINE");
        report.put("requesterName", "李雷");
        report.put("requesterUnit", "交警支队");
        report.put("requesterPhone", "13900000000");
        report.put("siteId", chineseSite.getId());
        report.put("deviceId", camera.getId());
        report.put("category", "DEFECT");
        report.put("impact", "MEDIUM");
        report.put("urgency", "HIGH");
        report.put("title", "东门摄像机黑屏");
        report.put("description", "早上八点起画面全黑");
        JsonNode created = api.post("t-desk", "/api/tickets", report).body();
        long id = created.path("id").asLong();
        String number = created.path("number").asText();

        fireFirstEscalation(number);

        complete("t-desk", id, "firstLineResolution", Map.of("category", "DEFECT", "solvedAtDesk", false, "deskNote", "需要派工程师"));
        complete("t-desk", id, "assignEngineer", Map.of("engineer", "t-eng", "vehicleNeeded", true, "dispatchNote", "带上梯子"));
        complete("t-eng", id, "acceptAssignment", Map.of("accepted", true));
        assertThat(api.post("t-eng", "/api/tickets/" + id + "/on-site", null).status()).isEqualTo(204);
        assertThat(api.post("t-eng", "/api/tickets/" + id + "/hold", Map.of("reason", "WAITING_PARTS", "note", "备件周一到")).status())
                .isEqualTo(200);
        assertThat(api.exchange("t-eng", HttpMethod.DELETE, "/api/tickets/" + id + "/hold", null, null).status()).isEqualTo(204);
        assertThat(api.exchange("t-desk", HttpMethod.PUT, "/api/tickets/" + id + "/level",
                Map.of("level", "1", "reason", "整个路口都看不到画面"), null).status()).isEqualTo(200);
        complete("t-eng", id, "checkIn", Map.of("emergency", false));
        complete("t-eng", id, "diagnosisReport", Map.of("symptom", "画面全黑", "diagnosis", "摄像机无供电"));
        complete("t-eng", id, "diagnoseAndFix", Map.of("symptom", "画面全黑", "cause", "电源线松动", "fixOutcome", "FIXED",
                "solution", "重新插好电源线", "prevention", "加扎带固定"));
        probeWorker.runOnce();
        complete("t-eng", id, "confirmCompletion", Map.of("testerName", "王工", "confirmed", true));
        complete("t-desk", id, "auditServiceForm", Map.of("auditAccepted", true));
        complete("t-desk", id, "callRequester", Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "5", "customerFeedback", "很满意"));

        List<String> zh = timeline(id, "zh-CN,zh;q=0.9");
        List<String> en = timeline(id, "en-US,en;q=0.8");
        List<String> types = types(id);
        assertThat(types).as("the case went through every step").contains("CREATED", "LEVEL", "TASK_COMPLETED", "ASSIGNED",
                "ON_SITE", "ON_HOLD", "HOLD_RELEASED", "ESCALATED", "RESOLVED", "CLOSED");
        assertThat(zh).hasSameSizeAs(en).hasSameSizeAs(types);

        List<String> usersWords = List.of(number, "t-desk", "t-eng", "Test Desk", "Test Engineer", chineseSite.getName(), camera.getName(), "东门摄像机黑屏",
                "需要派工程师", "带上梯子", "备件周一到", "整个路口都看不到画面", "画面全黑", "摄像机无供电", "电源线松动", "重新插好电源线", "加扎带固定",
                "很满意", "李雷", "交警支队", "王工");
        for (String line : zh) {
            // people are named by their display names (the test accounts' are English: users' words too)
            TimelineLanguageAssertions.assertChinese(line, List.of(number, "t-desk", "t-eng", "Test Desk", "Test Engineer"));
        }
        for (String line : en) {
            TimelineLanguageAssertions.assertEnglish(line, usersWords);
        }
        assertThat(zh).anyMatch(l -> l.contains("工程师：Test Engineer")).noneMatch(l -> l.contains("工程师：t-eng"));
        assertThat(zh).anyMatch(l -> l.contains("服务台已解决：否")).anyMatch(l -> l.contains("处理结果：已修复"))
                .anyMatch(l -> l.contains("档升级"));
        assertThat(en).anyMatch(l -> l.contains("Solved at the desk: No")).anyMatch(l -> l.contains("Outcome: Fixed"))
                .anyMatch(l -> l.contains("Escalation step"));
        // no header: the default is Chinese
        assertThat(timeline(id, null)).isEqualTo(zh);
    }

    /** Moves the clock to the escalation process's first timer and runs it, as the job executor would. */
    private void fireFirstEscalation(String number) {
        ProcessInstance escalation = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(number).singleResult();
        assertThat(escalation).as("escalation process").isNotNull();
        Job timer = managementService.createJobQuery().processInstanceId(escalation.getId()).timers().singleResult();
        assertThat(timer).as("escalation timer").isNotNull();
        clock.set(timer.getDuedate().toInstant());
        managementService.executeJob(timer.getId());
    }

    private void complete(String user, long ticketId, String key, Map<String, Object> values) {
        String taskId = null;
        for (JsonNode t : api.get(user, "/api/tasks").body()) {
            if (t.path("ticketId").asLong() == ticketId && t.path("key").asText().equals(key)) {
                taskId = t.path("id").asText();
            }
        }
        assertThat(taskId).as(user + " has task " + key).isNotNull();
        assertThat(api.post(user, "/api/tasks/" + taskId + "/complete", values).status()).as(key).isEqualTo(204);
    }

    private List<String> timeline(long id, String acceptLanguage) {
        JsonNode file = api.exchange("t-sup", HttpMethod.GET, "/api/tickets/" + id, null,
                acceptLanguage == null ? null : Map.of("Accept-Language", acceptLanguage)).body();
        List<String> lines = new ArrayList<>();
        file.path("timeline").forEach(e -> lines.add(e.path("message").asText()));
        return lines;
    }

    private List<String> types(long id) {
        List<String> types = new ArrayList<>();
        api.get("t-sup", "/api/tickets/" + id).body().path("timeline").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }
}
