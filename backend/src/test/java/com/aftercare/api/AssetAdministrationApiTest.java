package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 10 item 7, the asset archive: an administrator creates, renames and switches off customer units (their users
 * with them), creates and corrects sites (region, address, contact) and devices (probe settings checked as on every
 * other path), and retires devices; bad input is a 400 naming the field with nothing saved, a taken name 409; other
 * roles get 403; every change is audited with the administrator as actor.
 */
class AssetAdministrationApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    ApiClient.Response put(String user, String path, Object body) {
        return api.exchange(user, HttpMethod.PUT, path, body, null);
    }

    List<JsonNode> audit(String type, Object id) {
        List<JsonNode> list = new ArrayList<>();
        api.get("t-sup", "/api/audit?entityType=" + type + "&entityId=" + id + "&size=100").body().path("content").forEach(list::add);
        java.util.Collections.reverse(list);
        return list;
    }

    Map<String, Object> device(long siteId, String serial) {
        Map<String, Object> d = new HashMap<>();
        d.put("siteId", siteId);
        d.put("type", "SWITCH");
        d.put("name", "Core switch");
        d.put("model", "S5700");
        d.put("serialNumber", serial);
        d.put("ipAddress", "61.135.1.1");
        d.put("probeTcpPorts", "22,443");
        return d;
    }

    @Test
    void aUnitWithItsSitesAndDevicesIsCreatedCorrectedAndAudited() {
        String unitName = "Traffic Police 交警支队 " + System.nanoTime();
        ApiClient.Response unit = api.post("t-admin", "/api/admin/customers", Map.of("name", unitName));
        assertThat(unit.status()).as(unit.body().toString()).isEqualTo(201);
        long unitId = unit.body().path("id").asLong();
        assertThat(unit.body().path("active").asBoolean()).isTrue();
        assertThat(api.post("t-admin", "/api/admin/customers", Map.of("name", unitName)).status()).as("taken").isEqualTo(409);
        assertThat(put("t-admin", "/api/admin/customers/" + unitId, Map.of("name", unitName + " (city)")).status()).isEqualTo(200);
        assertThat(api.get("t-sup", "/api/admin/customers").body().findValuesAsText("name")).contains(unitName + " (city)");

        ApiClient.Response site = api.post("t-admin", "/api/admin/sites", Map.of("customerId", unitId, "name", "North gate",
                "address", "1 North Road", "region", "CITY", "contactName", "Li", "contactPhone", "0571-1"));
        assertThat(site.status()).as(site.body().toString()).isEqualTo(201);
        long siteId = site.body().path("id").asLong();
        ApiClient.Response moved = put("t-admin", "/api/admin/sites/" + siteId, Map.of("name", "North gate", "address",
                "9 County Road", "region", "COUNTY", "contactName", "Wang", "contactPhone", "0571-2"));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(moved.body().path("region").asText()).isEqualTo("COUNTY");
        assertThat(api.get("t-admin", "/api/admin/sites?customerId=" + unitId).body().findValuesAsText("address"))
                .containsExactly("9 County Road");

        String serial = "SN-ADM-" + System.nanoTime();
        ApiClient.Response dev = api.post("t-admin", "/api/admin/devices", device(siteId, serial));
        assertThat(dev.status()).as(dev.body().toString()).isEqualTo(201);
        long deviceId = dev.body().path("id").asLong();
        Map<String, Object> corrected = device(siteId, serial);
        corrected.put("name", "Core switch 1");
        corrected.put("ipAddress", "61.135.1.2");
        corrected.put("type", "SERVER");
        ApiClient.Response edited = put("t-admin", "/api/admin/devices/" + deviceId, corrected);
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        assertThat(edited.body().path("ipAddress").asText()).isEqualTo("61.135.1.2");
        assertThat(edited.body().path("type").asText()).isEqualTo("SERVER");

        // retired: kept, but no longer offered for a fault report
        assertThat(api.get("t-desk", "/api/devices?siteId=" + siteId).body().findValuesAsText("name")).contains("Core switch 1");
        ApiClient.Response retired = api.post("t-admin", "/api/admin/devices/" + deviceId + "/retire", null);
        assertThat(retired.body().path("retired").asBoolean()).isTrue();
        assertThat(api.get("t-desk", "/api/devices?siteId=" + siteId).body()).isEmpty();
        assertThat(api.get("t-admin", "/api/admin/devices?siteId=" + siteId).body().findValuesAsText("name")).containsExactly("Core switch 1");
        assertThat(api.post("t-admin", "/api/admin/devices/" + deviceId + "/reinstate", null).body().path("retired").asBoolean()).isFalse();

        assertThat(audit("customer", unitId)).extracting(e -> e.path("action").asText() + " by " + e.path("actor").asText())
                .containsExactly("CREATE by t-admin", "UPDATE by t-admin");
        List<JsonNode> siteTrail = audit("site", siteId);
        assertThat(siteTrail).hasSize(2).allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("t-admin"));
        assertThat(siteTrail.get(1).path("changes").path("region").path("before").asText()).isEqualTo("CITY");
        assertThat(siteTrail.get(1).path("changes").path("region").path("after").asText()).isEqualTo("COUNTY");
        List<JsonNode> deviceTrail = audit("device", deviceId);
        assertThat(deviceTrail).extracting(e -> e.path("action").asText()).containsExactly("CREATE", "UPDATE", "UPDATE", "UPDATE");
        assertThat(deviceTrail.get(1).path("changes").path("ip_address").path("after").asText()).isEqualTo("61.135.1.2");
        assertThat(deviceTrail.get(2).path("changes").path("retired").path("after").asBoolean()).isTrue();
        assertThat(deviceTrail).allSatisfy(e -> assertThat(e.path("customerId").asLong()).isEqualTo(unitId));
    }

    @Test
    void switchingAUnitOffSwitchesOffItsUsersAtOnce() {
        long unitId = api.post("t-admin", "/api/admin/customers", Map.of("name", "Closing unit " + System.nanoTime())).body()
                .path("id").asLong();
        String user = "closing-" + System.nanoTime();
        Map<String, Object> account = new HashMap<>(Map.of("username", user, "displayName", "Closing", "roles", List.of("CUSTOMER"),
                "customerId", unitId, "password", PASSWORD));
        assertThat(api.post("t-admin", "/api/admin/accounts", account).status()).isEqualTo(201);
        assertThat(api.get(user, "/api/tickets").status()).isEqualTo(200);

        ApiClient.Response off = api.post("t-admin", "/api/admin/customers/" + unitId + "/disable", null);
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body().path("active").asBoolean()).isFalse();
        assertThat(api.get(user, "/api/tickets").status()).isEqualTo(401);
        assertThat(accounts.find(user).orElseThrow().isEnabled()).isFalse();
        assertThat(api.post("t-admin", "/api/admin/customers/" + unitId + "/enable", null).body().path("active").asBoolean()).isTrue();
        assertThat(api.get("t-admin", "/api/admin/customers").body().findParents("id").stream()
                .filter(c -> c.path("id").asLong() == unitId).findFirst().orElseThrow().path("active").asBoolean()).isTrue();
    }

    /** The installed location (安装位置) an engineer looks for on site: set, kept by a client that omits it, cleared by blank. */
    @Test
    void theAdministratorRecordsWhereADeviceIsInstalled() {
        String serial = "SN-LOC-" + System.nanoTime();
        Map<String, Object> created = device(site.getId(), serial);
        created.put("location", " 1号路口东北角立杆 ");
        ApiClient.Response dev = api.post("t-admin", "/api/admin/devices", created);
        assertThat(dev.status()).as(dev.body().toString()).isEqualTo(201);
        long deviceId = dev.body().path("id").asLong();
        assertThat(dev.body().path("location").asText()).isEqualTo("1号路口东北角立杆");

        Map<String, Object> withoutLocation = device(site.getId(), serial);
        withoutLocation.put("name", "Renamed camera");
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, withoutLocation).body().path("location").asText())
                .as("a client that does not send the field keeps it").isEqualTo("1号路口东北角立杆");

        Map<String, Object> moved = device(site.getId(), serial);
        moved.put("location", "2号路口西南角");
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, moved).body().path("location").asText()).isEqualTo("2号路口西南角");
        assertThat(assets.device(deviceId).getLocation()).isEqualTo("2号路口西南角");

        // the desk's device picker offers it (a caller names the pole, not the serial number)
        assertThat(api.get("t-desk", "/api/devices?siteId=" + site.getId()).body().findValuesAsText("location")).contains("2号路口西南角");
        // the engineer's case page says where on the site to look for the device
        Map<String, Object> report = ticketBody("HOTLINE", "LOW", "LOW");
        report.put("deviceId", deviceId);
        ApiClient.Response reported = api.post("t-desk", "/api/tickets", report);
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        JsonNode siteCard = api.get("t-eng", "/api/tickets/" + reported.body().path("id").asLong()).body().path("site");
        assertThat(siteCard.path("address").asText()).isEqualTo("Road 1");
        assertThat(siteCard.path("deviceLocation").asText()).isEqualTo("2号路口西南角");

        Map<String, Object> tooLong = device(site.getId(), serial);
        tooLong.put("location", "路".repeat(201));
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, tooLong).errorFields()).containsExactly("location");
        assertThat(assets.device(deviceId).getLocation()).as("unchanged").isEqualTo("2号路口西南角");

        Map<String, Object> cleared = device(site.getId(), serial);
        cleared.put("location", " ");
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, cleared).body().path("location").asText(null)).isNull();
        assertThat(assets.device(deviceId).getLocation()).isNull();
    }

    /**
     * RP-3, the archive's "单位环境情况" and "维护人员情况": the administrator records a site's environment; the engineer
     * reads it on the case page of a case there, the customer does not; bad input is a 400 naming the field with
     * nothing saved; only the administrator changes it; every change is in the site's audit trail; blank clears.
     */
    @Test
    void aSitesEnvironmentIsRecordedShownToTheEngineerOnItsCasesAndAudited() {
        String path = "/api/admin/sites/" + site.getId() + "/environment";
        Map<String, Object> environment = new HashMap<>();
        environment.put("machineRoom", " 指挥中心三楼弱电间，有精密空调 ");
        environment.put("powerSupply", "市电 + UPS 2 小时");
        environment.put("lightningProtection", "2019 年做过防雷检测，接地电阻 3.2 Ω");
        environment.put("adverseConditions", "路口杆件灰尘大，雨季潮湿");
        environment.put("maintainerCount", 2);
        environment.put("maintainerSkills", "能重启设备、更换硬盘");

        for (String user : List.of("t-desk", "t-eng", "t-sup")) {
            assertThat(put(user, path, environment).status()).as(user).isEqualTo(403);
        }
        ApiClient.Response saved = put("t-admin", path, environment);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().path("environment").path("machineRoom").asText()).as("trimmed").isEqualTo("指挥中心三楼弱电间，有精密空调");
        JsonNode listed = api.get("t-sup", "/api/admin/sites?customerId=" + site.getCustomer().getId()).body().findParents("id").stream()
                .filter(s -> s.path("id").asLong() == site.getId()).findFirst().orElseThrow();
        assertThat(listed.path("environment").path("maintainerCount").asInt()).isEqualTo(2);
        assertThat(listed.path("environment").path("powerSupply").asText()).isEqualTo("市电 + UPS 2 小时");

        ApiClient.Response reported = api.post("t-desk", "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW"));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        long ticketId = reported.body().path("id").asLong();
        JsonNode onTheCase = api.get("t-eng", "/api/tickets/" + ticketId).body().path("site").path("environment");
        assertThat(onTheCase.path("lightningProtection").asText()).isEqualTo("2019 年做过防雷检测，接地电阻 3.2 Ω");
        assertThat(onTheCase.path("adverseConditions").asText()).isEqualTo("路口杆件灰尘大，雨季潮湿");
        assertThat(onTheCase.path("maintainerSkills").asText()).isEqualTo("能重启设备、更换硬盘");
        String customer = "cust-env-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Customer", site.getCustomer().getId());
        JsonNode customerView = api.get(customer, "/api/tickets/" + ticketId).body();
        assertThat(customerView.path("title").isMissingNode()).as(customerView.toString()).isFalse();
        assertThat(customerView.toString()).as("the customer's view of the case").doesNotContain("弱电间");

        Map<String, Object> tooLong = new HashMap<>(environment);
        tooLong.put("machineRoom", "机".repeat(501));
        assertThat(put("t-admin", path, tooLong).errorFields()).containsExactly("machineRoom");
        Map<String, Object> atTheLimits = new HashMap<>(environment);
        atTheLimits.put("adverseConditions", "潮".repeat(500));
        atTheLimits.put("maintainerCount", 9999);
        assertThat(put("t-admin", path, atTheLimits).status()).as("500 characters and 9,999 people are kept").isEqualTo(200);
        Map<String, Object> tooMany = new HashMap<>(environment);
        tooMany.put("maintainerCount", 10000);
        assertThat(put("t-admin", path, tooMany).errorFields()).containsExactly("maintainerCount");
        assertThat(put("t-admin", path, environment).status()).isEqualTo(200);
        Map<String, Object> negative = new HashMap<>(environment);
        negative.put("maintainerCount", -1);
        negative.put("powerSupply", "changed by a refused request");
        assertThat(put("t-admin", path, negative).errorFields()).containsExactly("maintainerCount");
        assertThat(assets.visibleSite(site.getId()).getPowerSupply()).as("unchanged").isEqualTo("市电 + UPS 2 小时");
        assertThat(put("t-admin", "/api/admin/sites/987654321/environment", environment).status()).isEqualTo(404);

        List<JsonNode> trail = audit("site", site.getId());
        JsonNode recorded = trail.get(1); // after the site's creation: the first environment
        assertThat(recorded.path("actor").asText()).isEqualTo("t-admin");
        assertThat(recorded.path("changes").path("machine_room").path("after").asText()).isEqualTo("指挥中心三楼弱电间，有精密空调");
        assertThat(recorded.path("changes").path("maintainer_count").path("after").asInt()).isEqualTo(2);
        assertThat(trail.get(trail.size() - 1).path("changes").path("maintainer_count").path("before").asInt())
                .as("the limits' save and its undoing are on the trail too").isEqualTo(9999);

        Map<String, Object> blank = new HashMap<>();
        blank.put("machineRoom", " ");
        ApiClient.Response cleared = put("t-admin", path, blank);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body().path("environment").isObject()).as("nothing recorded: " + cleared.body()).isFalse();
        assertThat(api.get("t-eng", "/api/tickets/" + ticketId).body().path("site").path("environment").isObject()).isFalse();
        assertThat(audit("site", site.getId()).get(audit("site", site.getId()).size() - 1).path("changes").path("power_supply")
                .path("before").asText()).isEqualTo("市电 + UPS 2 小时");
    }

    /** RP-3's device record: software version and purchase day, kept by a client that omits them, checked, audited. */
    @Test
    void theArchiveKeepsADevicesSoftwareVersionAndPurchaseDay() {
        String serial = "SN-VER-" + System.nanoTime();
        Map<String, Object> created = device(site.getId(), serial);
        created.put("softwareVersion", " V5.7.3 build 230512 ");
        created.put("purchasedOn", "2024-03-01");
        ApiClient.Response dev = api.post("t-admin", "/api/admin/devices", created);
        assertThat(dev.status()).as(dev.body().toString()).isEqualTo(201);
        long deviceId = dev.body().path("id").asLong();
        assertThat(dev.body().path("softwareVersion").asText()).isEqualTo("V5.7.3 build 230512");
        assertThat(dev.body().path("purchasedOn").asText()).isEqualTo("2024-03-01");

        Map<String, Object> withoutThem = device(site.getId(), serial);
        withoutThem.put("name", "Renamed switch");
        ApiClient.Response kept = put("t-admin", "/api/admin/devices/" + deviceId, withoutThem);
        assertThat(kept.body().path("softwareVersion").asText()).as("a client that does not send them keeps them")
                .isEqualTo("V5.7.3 build 230512");
        assertThat(kept.body().path("purchasedOn").asText()).isEqualTo("2024-03-01");

        Map<String, Object> upgraded = device(site.getId(), serial);
        upgraded.put("softwareVersion", "V5.8.0");
        upgraded.put("purchasedOn", "2024-02-28");
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, upgraded).status()).isEqualTo(200);
        assertThat(assets.device(deviceId).getSoftwareVersion()).isEqualTo("V5.8.0");
        assertThat(assets.device(deviceId).getPurchasedOn()).isEqualTo(java.time.LocalDate.of(2024, 2, 28));
        JsonNode upgrade = audit("device", deviceId).get(audit("device", deviceId).size() - 1);
        assertThat(upgrade.path("changes").path("software_version").path("before").asText()).isEqualTo("V5.7.3 build 230512");
        assertThat(upgrade.path("changes").path("software_version").path("after").asText()).isEqualTo("V5.8.0");

        Map<String, Object> future = device(site.getId(), serial);
        future.put("softwareVersion", "V9");
        future.put("purchasedOn", java.time.LocalDate.now().plusDays(2).toString());
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, future).errorFields()).containsExactly("purchasedOn");
        Map<String, Object> longest = device(site.getId(), serial);
        longest.put("softwareVersion", "V".repeat(100));
        longest.put("purchasedOn", "1990-01-01");
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, longest).status()).as("100 characters, 1990-01-01").isEqualTo(200);
        Map<String, Object> tooOld = device(site.getId(), serial);
        tooOld.put("purchasedOn", "1989-12-31");
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, tooOld).errorFields()).containsExactly("purchasedOn");
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, upgraded).status()).isEqualTo(200);
        Map<String, Object> tooLong = device(site.getId(), serial);
        tooLong.put("softwareVersion", "V".repeat(101));
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, tooLong).errorFields()).containsExactly("softwareVersion");
        assertThat(assets.device(deviceId).getSoftwareVersion()).as("unchanged").isEqualTo("V5.8.0");
        Map<String, Object> newAndFuture = device(site.getId(), "SN-VER2-" + System.nanoTime());
        newAndFuture.put("purchasedOn", java.time.LocalDate.now().plusDays(2).toString());
        assertThat(api.post("t-admin", "/api/admin/devices", newAndFuture).errorFields()).containsExactly("purchasedOn");

        Map<String, Object> cleared = device(site.getId(), serial);
        cleared.put("softwareVersion", " ");
        assertThat(put("t-admin", "/api/admin/devices/" + deviceId, cleared).body().path("softwareVersion").isTextual()).isFalse();
        assertThat(assets.device(deviceId).getSoftwareVersion()).isNull();
        assertThat(assets.device(deviceId).getPurchasedOn()).as("kept").isEqualTo(java.time.LocalDate.of(2024, 2, 28));
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsSaved() {
        int customersBefore = api.get("t-admin", "/api/admin/customers").body().size();
        assertThat(api.post("t-admin", "/api/admin/customers", Map.of("name", " ")).errorFields()).containsExactly("name");
        assertThat(api.post("t-admin", "/api/admin/customers", Map.of("name", "x".repeat(201))).errorFields()).containsExactly("name");
        assertThat(api.get("t-admin", "/api/admin/customers").body().size()).isEqualTo(customersBefore);

        assertThat(put("t-admin", "/api/admin/sites/" + site.getId(), Map.of("name", "Renamed", "address", "Road 1", "region", "TOWN"))
                .errorFields()).containsExactly("region");
        assertThat(put("t-admin", "/api/admin/sites/" + site.getId(), Map.of("name", "Renamed", "address", "", "region", "CITY"))
                .errorFields()).containsExactly("address");
        assertThat(api.post("t-admin", "/api/admin/sites", Map.of("customerId", 987654321L, "name", "S", "address", "A", "region", "CITY"))
                .errorFields()).containsExactly("customerId");
        assertThat(assets.visibleSite(site.getId()).getName()).as("unchanged").isEqualTo(site.getName());

        Map<String, Object> badPorts = device(site.getId(), device.getSerialNumber());
        badPorts.put("probeTcpPorts", "22,99999");
        assertThat(put("t-admin", "/api/admin/devices/" + device.getId(), badPorts).errorFields()).containsExactly("probeTcpPorts");
        Map<String, Object> badUrl = device(site.getId(), device.getSerialNumber());
        badUrl.put("probeHttpUrl", "ftp://x");
        assertThat(put("t-admin", "/api/admin/devices/" + device.getId(), badUrl).errorFields()).containsExactly("probeHttpUrl");
        Map<String, Object> taken = device(site.getId(), "SN-OTHER-" + System.nanoTime());
        assertThat(api.post("t-admin", "/api/admin/devices", taken).status()).isEqualTo(201);
        assertThat(put("t-admin", "/api/admin/devices/" + device.getId(), taken).errorFields()).containsExactly("serialNumber");
        Map<String, Object> noType = device(site.getId(), device.getSerialNumber());
        noType.remove("type");
        assertThat(put("t-admin", "/api/admin/devices/" + device.getId(), noType).errorFields()).containsExactly("type");
        var unchanged = assets.device(device.getId());
        assertThat(unchanged.getName()).isEqualTo(device.getName());
        assertThat(unchanged.getProbeTcpPorts()).isEqualTo(device.getProbeTcpPorts());
        assertThat(unchanged.getSerialNumber()).isEqualTo(device.getSerialNumber());
        assertThat(put("t-admin", "/api/admin/devices/987654321", device(site.getId(), "SN-X")).status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsChangeTheArchiveSupervisorsMayLookCustomersReachNothing() {
        String name = "Not created " + System.nanoTime();
        for (String user : List.of("t-desk", "t-eng", "t-sup")) {
            assertThat(api.post(user, "/api/admin/customers", Map.of("name", name)).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/admin/customers/" + site.getCustomer().getId() + "/disable", null).status()).isEqualTo(403);
            assertThat(put(user, "/api/admin/sites/" + site.getId(), Map.of("name", "x", "address", "y", "region", "CITY")).status())
                    .isEqualTo(403);
            assertThat(api.post(user, "/api/admin/devices/" + device.getId() + "/retire", null).status()).isEqualTo(403);
        }
        assertThat(api.get("t-desk", "/api/admin/customers").status()).isEqualTo(403);
        assertThat(api.get("t-sup", "/api/admin/devices").status()).isEqualTo(200);
        String customer = "cust-adm-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Customer", site.getCustomer().getId());
        assertThat(api.get(customer, "/api/admin/customers").status()).isEqualTo(403);
        assertThat(api.get(customer, "/api/admin/devices").status()).isEqualTo(403);
        assertThat(api.get("t-admin", "/api/admin/customers").body().findValuesAsText("name")).doesNotContain(name);
        assertThat(assets.device(device.getId()).isRetired()).isFalse();
    }
}
