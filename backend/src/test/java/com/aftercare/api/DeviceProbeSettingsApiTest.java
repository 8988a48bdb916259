package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.support.IntegrationTest;

/**
 * Issue 14: a device's probe settings. Passwords and SNMP secrets are stored encrypted and never returned (only
 * whether one is set), nor written to the audit trail; a blank password on edit keeps it, clear removes it. Probe
 * addresses must lie in the site's networks; bad settings are a 400 naming the field.
 */
class DeviceProbeSettingsApiTest extends IntegrationTest {

    static final String SECRET = "Cam-Secret-7781";
    static final String COMMUNITY = "Comm-Secret-5521";

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    private Map<String, Object> device(String type, Map<String, Object> probe) {
        Map<String, Object> body = new HashMap<>();
        String unique = "P-" + System.nanoTime();
        body.put("siteId", site.getId());
        body.put("type", type);
        body.put("name", type + " " + unique);
        body.put("serialNumber", "SN-" + unique);
        body.put("ipAddress", "127.0.0.1");
        body.put("probe", probe);
        return body;
    }

    private static Map<String, Object> cameraProbe() {
        Map<String, Object> p = new HashMap<>();
        p.put("rtspUrl", "rtsp://127.0.0.1:40554/Streaming/Channels/101");
        p.put("onvifUrl", "http://127.0.0.1:40080/onvif/device_service");
        p.put("username", "admin");
        p.put("password", SECRET);
        p.put("snmpVersion", "2c");
        p.put("snmpPort", 40161);
        p.put("snmpCommunity", COMMUNITY);
        p.put("ptz", true);
        return p;
    }

    private ApiClient.Response create(Map<String, Object> body) {
        return api.post("t-admin", "/api/admin/devices", body);
    }

    private ApiClient.Response edit(long id, Map<String, Object> body) {
        return api.exchange("t-admin", HttpMethod.PUT, "/api/admin/devices/" + id, body, null);
    }

    @Test
    void secretsAreStoredEncryptedAndNeverReturnedOrAudited() {
        ApiClient.Response created = create(device("CAMERA", cameraProbe()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.body().path("probe").path("passwordSet").asBoolean()).isTrue();
        assertThat(created.body().path("probe").path("snmpCommunitySet").asBoolean()).isTrue();
        assertThat(created.body().path("probe").path("rtspUrl").asText()).isEqualTo("rtsp://127.0.0.1:40554/Streaming/Channels/101");
        assertThat(created.body().path("probe").path("ptz").asBoolean()).isTrue();
        assertThat(created.body().toString()).doesNotContain(SECRET).doesNotContain(COMMUNITY);
        assertThat(api.get("t-admin", "/api/admin/devices?siteId=" + site.getId()).body().toString())
                .doesNotContain(SECRET).doesNotContain(COMMUNITY);
        assertThat(api.get("t-desk", "/api/devices?siteId=" + site.getId()).body().toString()).doesNotContain(SECRET);

        Map<String, Object> row = jdbc.queryForMap("select probe_password, probe_snmp_community from device where id = ?", id);
        assertThat((String) row.get("probe_password")).startsWith("v1:").doesNotContain(SECRET);
        assertThat((String) row.get("probe_snmp_community")).startsWith("v1:").doesNotContain(COMMUNITY);
        assertThat(assets.device(id).probePassword()).as("decrypted for the prober").isEqualTo(SECRET);

        String audit = String.join("\n", jdbc.queryForList(
                "select changes from audit_log where entity_type = 'device' and entity_id = ?", String.class, String.valueOf(id)));
        assertThat(audit).contains("probe_rtsp_url").doesNotContain(SECRET).doesNotContain(COMMUNITY)
                .doesNotContain((String) row.get("probe_password"));
    }

    @Test
    void aBlankPasswordKeepsItAndClearRemovesIt() {
        Map<String, Object> body = device("CAMERA", cameraProbe());
        long id = create(body).body().path("id").asLong();

        Map<String, Object> probe = cameraProbe();
        probe.put("password", "");
        probe.put("snmpCommunity", null);
        probe.put("rtspUrl", "rtsp://127.0.0.1:40554/Streaming/Channels/201");
        body.put("probe", probe);
        ApiClient.Response kept = edit(id, body);
        assertThat(kept.status()).as(kept.body().toString()).isEqualTo(200);
        assertThat(kept.body().path("probe").path("passwordSet").asBoolean()).isTrue();
        assertThat(kept.body().path("probe").path("snmpCommunitySet").asBoolean()).isTrue();
        assertThat(assets.device(id).probePassword()).isEqualTo(SECRET);
        assertThat(assets.device(id).getProbeRtspUrl()).endsWith("/201");

        probe.put("clearPassword", true);
        ApiClient.Response cleared = edit(id, body);
        assertThat(cleared.body().path("probe").path("passwordSet").asBoolean()).isFalse();
        assertThat(cleared.body().path("probe").path("snmpCommunitySet").asBoolean()).as("only what was cleared").isTrue();
        assertThat(jdbc.queryForObject("select probe_password from device where id = ?", String.class, id)).isNull();

        // an edit without probe settings (an older client) leaves them as they are
        body.remove("probe");
        assertThat(edit(id, body).body().path("probe").path("rtspUrl").asText()).endsWith("/201");
    }

    @Test
    void aCamerasRecorderIsAnNvrOnTheSameSite() {
        long nvr = create(device("NVR", Map.of("isapiUrl", "http://127.0.0.1:40081"))).body().path("id").asLong();
        long sw = create(device("SWITCH", Map.of())).body().path("id").asLong();
        Site other = assets.createSite(new NewSite(site.getCustomer().getId(), "Other site " + System.nanoTime(), "Road 2", Region.CITY,
                "C", "1"));
        Map<String, Object> elsewhere = device("NVR", Map.of());
        elsewhere.put("siteId", other.getId());
        long farNvr = create(elsewhere).body().path("id").asLong();

        ApiClient.Response ok = create(device("CAMERA", Map.of("recorderId", nvr, "channel", 4)));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(201);
        assertThat(ok.body().path("probe").path("recorderId").asLong()).isEqualTo(nvr);
        assertThat(ok.body().path("probe").path("channel").asInt()).isEqualTo(4);

        assertThat(create(device("CAMERA", Map.of("recorderId", sw, "channel", 1))).errorFields()).containsExactly("probe.recorderId");
        assertThat(create(device("CAMERA", Map.of("recorderId", farNvr, "channel", 1))).errorFields()).containsExactly("probe.recorderId");
        assertThat(create(device("CAMERA", Map.of("channel", 1))).errorFields()).containsExactly("probe.channel");
        assertThat(create(device("CAMERA", Map.of("recorderId", nvr, "channel", 0))).errorFields()).containsExactly("probe.channel");
    }

    @Test
    void badSettingsAre400NamingTheField() {
        assertThat(create(device("CAMERA", Map.of("rtspUrl", "rtsp://admin:pw@127.0.0.1:40554/x"))).errorFields())
                .as("credentials belong in the device account, encrypted").containsExactly("probe.rtspUrl");
        assertThat(create(device("CAMERA", Map.of("rtspUrl", "http://127.0.0.1:40554/x"))).errorFields()).containsExactly("probe.rtspUrl");
        assertThat(create(device("CAMERA", Map.of("onvifUrl", "ftp://127.0.0.1/onvif"))).errorFields()).containsExactly("probe.onvifUrl");
        assertThat(create(device("NVR", Map.of("isapiUrl", "http://169.254.169.254"))).errorFields()).containsExactly("probe.isapiUrl");
        assertThat(create(device("SWITCH", Map.of("snmpVersion", "1"))).errorFields()).containsExactly("probe.snmpVersion");
        assertThat(create(device("SWITCH", Map.of("snmpVersion", "3", "snmpUser", "u", "snmpAuthProtocol", "SHA1024"))).errorFields())
                .containsExactly("probe.snmpAuthProtocol");
        assertThat(create(device("SWITCH", Map.of("snmpVersion", "3", "snmpUser", "u", "snmpPrivProtocol", "AES"))).errorFields())
                .as("privacy without authentication").containsExactly("probe.snmpPrivProtocol");
        assertThat(create(device("SWITCH", Map.of("snmpVersion", "2c", "snmpPort", 70000))).errorFields()).containsExactly("probe.snmpPort");
    }

    @Test
    void probeAddressesMustLieInTheSitesNetworks() {
        assets.allowProbes(site.getId(), "10.30.0.0/16");
        Map<String, Object> inside = device("CAMERA", Map.of("rtspUrl", "rtsp://10.30.1.20:554/Streaming/Channels/101"));
        inside.put("ipAddress", "10.30.1.20");
        assertThat(create(inside).status()).isEqualTo(201);

        Map<String, Object> outside = device("CAMERA", Map.of("rtspUrl", "rtsp://10.40.1.20:554/Streaming/Channels/101"));
        outside.put("ipAddress", "10.30.1.21");
        ApiClient.Response refused = create(outside);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("probe.rtspUrl");

        Map<String, Object> publicOutside = device("NVR", Map.of("isapiUrl", "http://8.8.8.8"));
        assertThat(create(publicOutside).errorFields()).as("a site with networks is limited to them").containsExactly("probe.isapiUrl");
    }
}
