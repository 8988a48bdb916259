package com.aftercare.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * PM-5 to its end: what the engineer finds on site is a proposal; the asset keeper (process owner, administrator)
 * approves it, and the device record changes in the same request, audited; or rejects it with a reason. The inspection
 * shows the outcome, a second decision is a 409 in the reader's language, and bad corrections are 400s naming the field.
 */
class AssetCorrectionTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired SaveInspectionPlan savePlan;
    @Autowired InspectionRepository inspections;
    ApiClient api;
    Device camera;
    Device other;

    @BeforeEach
    void fixtures() {
        api = new ApiClient(rest);
        accounts.createIfAbsent("t-owner", PASSWORD, "Test Owner", Set.of(Role.PROCESS_OWNER));
        camera = assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Gate camera " + System.nanoTime(),
                "DS-2CD", "SN-CAM-" + System.nanoTime(), null, null, null, null, false));
        other = assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Yard camera " + System.nanoTime(),
                "DS-2CD", "SN-YARD-" + System.nanoTime(), null, null, null, null, false));
    }

    /** A January inspection (asset records verified) of a plan over the site's cameras, its time agreed. */
    private long januaryInspection() {
        InspectionPlan plan = savePlan.create(new SaveInspectionPlan.PlanCommand(site.getCustomer().getId(), null,
                "Asset plan " + System.nanoTime(), InspectionCycle.MONTHLY, true,
                List.of(new SaveInspectionPlan.ItemCommand(DeviceType.CAMERA, "外观", "看", false)), null));
        clock.set(LocalDate.of(2029, 1, 1).atTime(7, 0).atZone(SHANGHAI).toInstant());
        managementService.executeJob(managementService.createJobQuery().processDefinitionKey("inspectionPlans")
                .activityId("dayStarted").timers().singleResult().getId());
        Inspection inspection = inspections.findAll().stream().filter(i -> plan.getId().equals(i.getPlanId())).findFirst()
                .orElseThrow();
        assertThat(inspection.isVerifyAssets()).isTrue();
        Map<String, Object> time = new HashMap<>();
        time.put("at", Instant.parse("2029-01-02T02:00:00Z").toString());
        time.put("version", inspections.findById(inspection.getId()).orElseThrow().getVersion());
        assertThat(api.post("t-desk", "/api/inspections/" + inspection.getId() + "/time", time).status()).isEqualTo(200);
        return inspection.getId();
    }

    private JsonNode asset(JsonNode detail, Device device) {
        for (JsonNode a : detail.path("assets")) {
            if (a.path("deviceId").asLong() == device.getId()) {
                return a;
            }
        }
        throw new AssertionError("no asset line for device " + device.getId());
    }

    private ApiClient.Response decide(String user, long inspection, Device device, boolean approve, String note,
            Map<String, String> headers) {
        Map<String, Object> body = new HashMap<>();
        body.put("approve", approve);
        body.put("note", note);
        return api.exchange(user, HttpMethod.POST, "/api/inspections/" + inspection + "/assets/" + device.getId() + "/decision",
                body, headers);
    }

    private List<JsonNode> audit(String type, Object id) {
        List<JsonNode> list = new ArrayList<>();
        api.get("t-sup", "/api/audit?entityType=" + type + "&entityId=" + id + "&size=100").body().path("content").forEach(list::add);
        return list;
    }

    @Test
    void anApprovedCorrectionChangesTheDeviceRecordAuditedAndASecondApprovalIs409() {
        long id = januaryInspection();
        String base = "/api/inspections/" + id + "/assets";

        // bad corrections: 400 naming the field, nothing recorded
        Map<String, Object> bad = new HashMap<>(Map.of("deviceId", camera.getId(), "confirmed", false, "ipAddress", "300.1.2.3"));
        assertThat(api.post("t-eng", base, bad).errorFields()).containsExactly("ipAddress");
        bad.put("ipAddress", "not-an-address");
        assertThat(api.post("t-eng", base, bad).errorFields()).containsExactly("ipAddress");
        assertThat(api.post("t-eng", base, Map.of("deviceId", camera.getId(), "confirmed", false)).errorFields())
                .containsExactly("model");
        bad = new HashMap<>(Map.of("deviceId", camera.getId(), "confirmed", false, "location", "x".repeat(201)));
        assertThat(api.post("t-eng", base, bad).errorFields()).containsExactly("location");
        assertThat(absent(asset(api.get("t-eng", "/api/inspections/" + id).body(), camera).path("confirmed"))).isTrue();

        Map<String, Object> found = new HashMap<>();
        found.put("deviceId", camera.getId());
        found.put("confirmed", false);
        found.put("serialNumber", "SN-FOUND-" + System.nanoTime());
        found.put("location", "东门立杆");
        found.put("ipAddress", "61.135.1.9");
        JsonNode proposed = asset(api.post("t-eng", base, found).body(), camera);
        assertThat(proposed.path("decision").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.path("foundLocation").asText()).isEqualTo("东门立杆");
        assertThat(assets.device(camera.getId()).getSerialNumber()).as("nothing applied before the keeper decides")
                .isEqualTo(camera.getSerialNumber());
        assertThat(api.get("t-owner", "/api/inspections/asset-corrections").body())
                .anyMatch(c -> c.path("deviceId").asLong() == camera.getId() && c.path("inspectionId").asLong() == id);

        // the engineer cannot decide; the keeper can
        assertThat(decide("t-eng", id, camera, true, null, Map.of()).status()).isEqualTo(403);
        ApiClient.Response approved = decide("t-owner", id, camera, true, null, Map.of());
        assertThat(approved.status()).isEqualTo(200);
        JsonNode line = asset(approved.body(), camera);
        assertThat(line.path("decision").asText()).isEqualTo("APPROVED");
        assertThat(line.path("decidedBy").asText()).isEqualTo("t-owner");
        assertThat(line.path("serialNumber").asText()).isEqualTo(found.get("serialNumber"));
        assertThat(line.path("location").asText()).isEqualTo("东门立杆");
        assertThat(line.path("ipAddress").asText()).isEqualTo("61.135.1.9");
        Device after = assets.device(camera.getId());
        assertThat(after.getSerialNumber()).isEqualTo(found.get("serialNumber"));
        assertThat(after.getLocation()).isEqualTo("东门立杆");
        assertThat(after.getIpAddress()).isEqualTo("61.135.1.9");
        assertThat(after.getModel()).as("blank: as recorded").isEqualTo("DS-2CD");

        // audited: the device's change by the keeper, and the decision on the asset check
        assertThat(audit("device", camera.getId())).anySatisfy(e -> {
            assertThat(e.path("actor").asText()).isEqualTo("t-owner");
            assertThat(e.path("changes").path("location").path("after").asText()).isEqualTo("东门立杆");
            assertThat(e.path("changes").path("serial_number").path("after").asText()).isEqualTo(found.get("serialNumber"));
        });

        // a second approval: 409, worded in the reader's language, and the record unchanged
        ApiClient.Response again = decide("t-owner", id, camera, true, null, Map.of("Accept-Language", "zh-CN"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("已处理").contains(camera.getName()).doesNotContain("assetCorrectionDecided");
        ApiClient.Response againEn = decide("t-admin", id, camera, true, null, Map.of("Accept-Language", "en"));
        assertThat(againEn.status()).isEqualTo(409);
        assertThat(againEn.detail()).contains("decided already");
        // nor can the engineer overwrite a decided line
        assertThat(api.post("t-eng", base, found).status()).isEqualTo(409);
        assertThat(api.get("t-owner", "/api/inspections/asset-corrections").body())
                .noneMatch(c -> c.path("deviceId").asLong() == camera.getId());
    }

    @Test
    void aRejectionNeedsAReasonLeavesTheRecordAndTheInspectionShowsIt() {
        long id = januaryInspection();
        Map<String, Object> found = new HashMap<>();
        found.put("deviceId", other.getId());
        found.put("confirmed", false);
        found.put("model", "DS-2DE");
        found.put("outOfService", true);
        assertThat(api.post("t-eng", "/api/inspections/" + id + "/assets", found).status()).isEqualTo(200);

        assertThat(decide("t-admin", id, other, false, " ", Map.of()).errorFields()).containsExactly("note");
        assertThat(decide("t-admin", id, other, true, null, Map.of()).status()).as("the administrator keeps the archive too")
                .isEqualTo(200);
        Device after = assets.device(other.getId());
        assertThat(after.getModel()).isEqualTo("DS-2DE");
        assertThat(after.isRetired()).as("out of service found on site, approved").isTrue();

        // a model misread on site: rejected with a reason, the record stays
        long next = januaryInspectionForCamera();
        Map<String, Object> wrong = new HashMap<>(Map.of("deviceId", camera.getId(), "confirmed", false, "model", "XX-1"));
        assertThat(api.post("t-eng", "/api/inspections/" + next + "/assets", wrong).status()).isEqualTo(200);
        ApiClient.Response rejected = decide("t-owner", next, camera, false, "型号核实无误，现场看错", Map.of());
        assertThat(rejected.status()).isEqualTo(200);
        JsonNode line = asset(rejected.body(), camera);
        assertThat(line.path("decision").asText()).isEqualTo("REJECTED");
        assertThat(line.path("decisionNote").asText()).isEqualTo("型号核实无误，现场看错");
        assertThat(assets.device(camera.getId()).getModel()).isEqualTo("DS-2CD");
        assertThat(decide("t-owner", next, camera, true, null, Map.of()).status()).isEqualTo(409);
        assertThat(assets.device(camera.getId()).getModel()).isEqualTo("DS-2CD");
    }

    /** Another January inspection (next year) over the same site's cameras. */
    private long januaryInspectionForCamera() {
        InspectionPlan plan = savePlan.create(new SaveInspectionPlan.PlanCommand(site.getCustomer().getId(), null,
                "Asset plan B " + System.nanoTime(), InspectionCycle.QUARTERLY, true,
                List.of(new SaveInspectionPlan.ItemCommand(DeviceType.CAMERA, "外观", "看", false)), null));
        clock.set(LocalDate.of(2030, 1, 1).atTime(7, 0).atZone(SHANGHAI).toInstant());
        managementService.executeJob(managementService.createJobQuery().processDefinitionKey("inspectionPlans")
                .activityId("dayStarted").timers().singleResult().getId());
        Inspection inspection = inspections.findAll().stream().filter(i -> plan.getId().equals(i.getPlanId())).findFirst()
                .orElseThrow();
        Map<String, Object> time = new HashMap<>();
        time.put("at", Instant.parse("2030-01-02T02:00:00Z").toString());
        time.put("version", inspections.findById(inspection.getId()).orElseThrow().getVersion());
        assertThat(api.post("t-desk", "/api/inspections/" + inspection.getId() + "/time", time).status()).isEqualTo(200);
        return inspection.getId();
    }

    /** Null or left out of the JSON. */
    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }
}
