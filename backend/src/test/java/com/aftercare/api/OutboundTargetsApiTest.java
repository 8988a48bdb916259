package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.notify.ChannelSettings;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.OutgoingMessage;
import com.aftercare.sla.ServiceContract;
import com.aftercare.sla.ContractBook;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * Issue 10 items 6 and 9 over HTTP: contract webhook URLs and the DingTalk secret are write-only
 * (no route, audit entry or delivery shows them; the database holds ciphertext), and webhook and
 * probe targets that reach inside (loopback, private, metadata, embedded forms) are refused when
 * saved with a 400 naming the field, leaving nothing written.
 */
class OutboundTargetsApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired ContractBook contractBook;
    @Autowired NotificationService notifications;
    @Autowired TransactionTemplate transaction;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        accounts.createIfAbsent("t-owner", PASSWORD, "Test Owner", Set.of(Role.PROCESS_OWNER));
    }

    private Map<String, Object> contract() {
        return new HashMap<>(Map.of("name", "O&M 2026", "policyCode", "THREE_LEVEL", "calendar", "SEVEN_BY_24", "notifyEmail", false));
    }

    @Test
    void webhookUrlsAndTheSecretAreNeverShownAndStoredEncrypted() {
        long unique = System.nanoTime();
        String wecomKey = "wecomkey" + unique;
        String token = "dingtoken" + unique;
        String secret = "SECsigning" + unique;
        Long customerId = site.getCustomer().getId();
        String path = "/api/contracts/" + customerId;
        Map<String, Object> body = contract();
        body.put("wecomWebhookUrl", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + wecomKey);
        body.put("dingtalkWebhookUrl", "https://oapi.dingtalk.com/robot/send?access_token=" + token);
        body.put("dingtalkSecret", secret);

        ApiClient.Response saved = api.exchange("t-owner", HttpMethod.PUT, path, body, null);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().path("wecomWebhookSet").asBoolean()).isTrue();
        assertThat(saved.body().path("dingtalkWebhookSet").asBoolean()).isTrue();
        assertThat(saved.body().path("dingtalkSecretSet").asBoolean()).isTrue();
        assertThat(saved.body().has("wecomWebhookUrl")).isFalse();

        // a delivery made from the stored contract, so its route is read too
        Ticket ticket = report(Category.DEFECT);
        ServiceContract stored = contractBook.contractOfCustomer(customerId).orElseThrow();
        transaction.executeWithoutResult(s -> notifications.send(new OutgoingMessage(ticket.getId(), "s", "t", List.of(),
                new ChannelSettings(false, stored.getWecomWebhookUrl(), stored.getDingtalkWebhookUrl(), stored.getDingtalkSecret(),
                        stored.getWebhookAllowList()))));

        List<String> everyRoute = List.of(path, "/api/contracts", "/api/audit?entityType=service_contract&size=500",
                "/api/audit?customerId=" + customerId + "&size=500", "/api/tickets/" + ticket.getId() + "/audit",
                "/api/tickets/" + ticket.getId() + "/deliveries");
        for (String route : everyRoute) {
            ApiClient.Response read = api.get("t-admin", route);
            assertThat(read.status()).as(route).isEqualTo(200);
            assertThat(read.body().toString()).as(route).doesNotContain(wecomKey).doesNotContain(token).doesNotContain(secret)
                    .doesNotContain("qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + wecomKey.substring(0, 4));
        }
        assertThat(api.get("t-admin", "/api/audit?entityType=service_contract&entityId=" + saved.body().path("id").asLong())
                .body().toString()).contains("\"wecom_webhook_url\"").contains("***");

        Map<String, Object> columns = jdbc.queryForMap(
                "select wecom_webhook_url, dingtalk_webhook_url, dingtalk_secret from service_contract where customer_id = ?", customerId);
        assertThat(columns.values()).allSatisfy(v -> assertThat((String) v).startsWith("v1:").doesNotContain(wecomKey)
                .doesNotContain(token).doesNotContain(secret).doesNotContain("https"));
        Map<String, Object> outbox = jdbc.queryForMap(
                "select endpoint_url, sign_secret from notification_delivery where ticket_id = ? and sign_secret is not null", ticket.getId());
        assertThat(outbox.values()).allSatisfy(v -> assertThat((String) v).startsWith("v1:").doesNotContain(token).doesNotContain(secret));

        // absent keeps, "" removes, a value replaces: the form never has the stored value to send back
        Map<String, Object> renamed = contract();
        renamed.put("name", "O&M 2027");
        ApiClient.Response kept = api.exchange("t-owner", HttpMethod.PUT, path, renamed, null);
        assertThat(kept.body().path("wecomWebhookSet").asBoolean()).isTrue();
        assertThat(kept.body().path("dingtalkSecretSet").asBoolean()).isTrue();
        assertThat(contractBook.contractOfCustomer(customerId).orElseThrow().getDingtalkSecret()).isEqualTo(secret);
        renamed.put("dingtalkSecret", "");
        renamed.put("wecomWebhookUrl", null);
        ApiClient.Response removed = api.exchange("t-owner", HttpMethod.PUT, path, renamed, null);
        assertThat(removed.body().path("dingtalkSecretSet").asBoolean()).isFalse();
        assertThat(removed.body().path("wecomWebhookSet").asBoolean()).as("null keeps").isTrue();
        assertThat(jdbc.queryForObject("select dingtalk_secret from service_contract where customer_id = ?", String.class, customerId))
                .isNull();
    }

    @Test
    void webhookTargetsThatReachInsideAre400NamingTheFieldAndNothingIsSaved() {
        Customer customer = assets.createCustomer("Outbound customer " + System.nanoTime());
        String path = "/api/contracts/" + customer.getId();
        for (String url : List.of("https://user:pw@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "http://8.8.8.8/hook",
                "https://127.0.0.1/hook", "https://127.0.0.1:6379/", "https://10.0.0.5/hook", "https://100.100.100.200/latest/meta-data",
                "https://169.254.169.254/latest/meta-data", "https://[fd00:ec2::254]/", "https://[::ffff:127.0.0.1]/",
                "https://[64:ff9b::7f00:1]/", "https://2130706433/", "https://localhost/hook", "http://127.0.0.1:5432/")) {
            for (String field : List.of("wecomWebhookUrl", "dingtalkWebhookUrl")) {
                Map<String, Object> body = contract();
                body.put(field, url);
                ApiClient.Response r = api.exchange("t-owner", HttpMethod.PUT, path, body, null);
                assertThat(r.status()).as(field + " " + url).isEqualTo(400);
                assertThat(r.errorFields()).as(url).containsExactly(field);
                assertThat(r.body().toString()).as("no resolved address is echoed").doesNotContain("127.0.0.1\"").doesNotContain("(127");
            }
        }
        assertThat(api.get("t-admin", path).status()).as("nothing written by the rejected requests").isEqualTo(404);

        // the contract's own allow-list lets its robot on the customer's network through, over http too
        Map<String, Object> internal = contract();
        internal.put("webhookAllowList", "10.8.0.0/16");
        internal.put("wecomWebhookUrl", "http://10.8.1.2:8080/cgi-bin/webhook/send?key=k");
        ApiClient.Response allowed = api.exchange("t-owner", HttpMethod.PUT, path, internal, null);
        assertThat(allowed.status()).as(allowed.body().toString()).isEqualTo(200);
        assertThat(allowed.body().path("webhookAllowList").asText()).isEqualTo("10.8.0.0/16");
        internal.put("webhookAllowList", "10.8.0.0/99");
        assertThat(api.exchange("t-owner", HttpMethod.PUT, path, internal, null).errorFields()).containsExactly("webhookAllowList");
    }

    /**
     * One webhook check (outbound.WebhookSettingsValidator) for contracts and channel settings: the contract API
     * now names every bad channel field at once, as only ChannelSettings.validate did, and it no longer lets an
     * admin narrow the allow-list under a stored webhook that then could never be reached.
     */
    @Test
    void theContractApiNamesEveryBadChannelFieldAtOnceAndKeepsStoredWebhooksReachable() {
        Customer customer = assets.createCustomer("Channels customer " + System.nanoTime());
        String path = "/api/contracts/" + customer.getId();
        Map<String, Object> allBad = contract();
        allBad.put("wecomWebhookUrl", "ftp://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k");
        allBad.put("dingtalkWebhookUrl", "https://127.0.0.1/robot/send?access_token=t");
        allBad.put("dingtalkSecret", "SEC with spaces");
        allBad.put("webhookAllowList", "10.8.0.0/99");
        ApiClient.Response r = api.exchange("t-owner", HttpMethod.PUT, path, allBad, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).as(r.body().toString())
                .containsExactly("webhookAllowList", "wecomWebhookUrl", "dingtalkSecret");
        allBad.remove("webhookAllowList");
        assertThat(api.exchange("t-owner", HttpMethod.PUT, path, allBad, null).errorFields())
                .containsExactly("wecomWebhookUrl", "dingtalkWebhookUrl", "dingtalkSecret");
        assertThat(api.get("t-admin", path).status()).as("nothing written").isEqualTo(404);

        // a robot on the customer's network, let through by the contract's allow-list
        Map<String, Object> internal = contract();
        internal.put("webhookAllowList", "10.8.0.0/16");
        internal.put("wecomWebhookUrl", "http://10.8.1.2:8080/cgi-bin/webhook/send?key=k");
        assertThat(api.exchange("t-owner", HttpMethod.PUT, path, internal, null).status()).isEqualTo(200);

        Map<String, Object> narrowed = contract();
        narrowed.put("webhookAllowList", "");
        ApiClient.Response refused = api.exchange("t-owner", HttpMethod.PUT, path, narrowed, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("webhookAllowList");
        assertThat(refused.body().toString()).contains("wecomWebhookUrl").doesNotContain("10.8.1.2");
        assertThat(api.get("t-admin", path).body().path("webhookAllowList").asText()).as("unchanged").isEqualTo("10.8.0.0/16");

        Map<String, Object> renamed = contract();
        renamed.put("name", "O&M 2027");
        assertThat(api.exchange("t-owner", HttpMethod.PUT, path, renamed, null).status())
                .as("unchanged stored channels are not judged again").isEqualTo(200);
        narrowed.put("wecomWebhookUrl", "");
        ApiClient.Response both = api.exchange("t-owner", HttpMethod.PUT, path, narrowed, null);
        assertThat(both.status()).as("removing the robot and its allow-list together").isEqualTo(200);
        assertThat(both.body().path("wecomWebhookSet").asBoolean()).isFalse();
    }

    @Test
    void aDeviceProbeAimedAtInternalServicesIsRefusedWhenSaved() {
        String probe = "/api/devices/" + device.getId() + "/probe";
        record Case(String ip, String ports, String url, String field) {
        }
        for (Case c : List.of(new Case("127.0.0.1", "5432", null, "ipAddress"), new Case("127.0.0.1", "6379", null, "ipAddress"),
                new Case("localhost", "5432", null, "ipAddress"), new Case("100.100.100.200", "80", null, "ipAddress"),
                new Case("fd00:ec2::254", "80", null, "ipAddress"), new Case("2130706433", "80", null, "ipAddress"),
                new Case(null, null, "http://127.0.0.1:8080/actuator/env", "probeHttpUrl"),
                new Case(null, null, "http://169.254.169.254/latest/meta-data/", "probeHttpUrl"),
                new Case(null, null, "http://[::ffff:127.0.0.1]:5432/", "probeHttpUrl"))) {
            Map<String, Object> body = new HashMap<>();
            body.put("ipAddress", c.ip());
            body.put("probeTcpPorts", c.ports());
            body.put("probeHttpUrl", c.url());
            ApiClient.Response r = api.exchange("t-desk", HttpMethod.PUT, probe, body, null);
            assertThat(r.status()).as(c.toString()).isEqualTo(400);
            assertThat(r.errorFields()).as(c.toString()).containsExactly(c.field());
        }
        assertThat(assets.device(device.getId()).getProbeTcpPorts()).as("unchanged").isEqualTo(String.valueOf(DEVICE.port()));

        Map<String, Object> created = new HashMap<>(Map.of("siteId", site.getId(), "type", "CAMERA", "name", "Cam " + System.nanoTime(),
                "serialNumber", "SN-OUT-" + System.nanoTime(), "ipAddress", "10.20.1.5", "probeTcpPorts", "554"));
        assertThat(api.post("t-desk", "/api/devices", created).errorFields()).containsExactly("ipAddress");

        // the site's allow-list (an admin's decision) opens its LAN
        Site lan = assets.createSite(new NewSite(site.getCustomer().getId(), "LAN site " + System.nanoTime(), "Road 2", Region.CITY,
                null, null));
        String allow = "/api/sites/" + lan.getId() + "/probe-allow-list";
        assertThat(api.exchange("t-desk", HttpMethod.PUT, allow, Map.of("probeAllowList", "10.20.0.0/16"), null).status()).isEqualTo(403);
        assertThat(api.exchange("t-admin", HttpMethod.PUT, allow, Map.of("probeAllowList", "10.20.0.0/99"), null).errorFields())
                .containsExactly("probeAllowList");
        ApiClient.Response opened = api.exchange("t-admin", HttpMethod.PUT, allow, Map.of("probeAllowList", "10.20.0.0/16"), null);
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(200);
        assertThat(opened.body().path("probeAllowList").asText()).isEqualTo("10.20.0.0/16");
        created.put("siteId", lan.getId());
        ApiClient.Response device = api.post("t-desk", "/api/devices", created);
        assertThat(device.status()).as(device.body().toString()).isEqualTo(201);
        created.put("serialNumber", "SN-OUT2-" + System.nanoTime());
        created.put("ipAddress", "10.21.0.1");
        assertThat(api.post("t-desk", "/api/devices", created).errorFields()).as("outside the listed network").containsExactly("ipAddress");
    }
}
