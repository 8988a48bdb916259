package com.aftercare.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** WeCom and DingTalk group robots, played by a real HTTP server on loopback, get exactly their payloads. */
class WebhookDeliveryTest extends DeliveryTestBase {

    private static final String WECOM_KEY = "693a91f6-7aaa-4bc4-97a0-0ec2b1fa5aaa";
    private static final String DINGTALK_TOKEN = "a6b9c1d2e3f40516273849aabbccddeeff00112233445566778899aabbccdd";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate rest;

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static byte[] hmacSha256(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void weComAndDingTalkRobotsGetTheirExactTextPayloadsWithMentions() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        try (WebhookReceiver wecom = new WebhookReceiver(); WebhookReceiver dingtalk = new WebhookReceiver()) {
            sendCommitted(new OutgoingMessage(ticket.getId(), "工单升级 " + ticket.getNumber(), "响应超时，请值班主管处理", List.of(
                    new Recipient("t-sup", "值班主管", null, "138 0000-0001"),
                    new Recipient(null, "客户联系人", "contact@example.com", "13900000002"),
                    new Recipient("t-eng", "Test Engineer", null, null),
                    new Recipient("t-sup2", "重复号码", null, "13800000001")),
                    new ChannelSettings(false, wecom.url("/cgi-bin/webhook/send?key=" + WECOM_KEY),
                            dingtalk.url("/robot/send?access_token=" + DINGTALK_TOKEN), null)));
            assertThat(wecom.received()).isEmpty();

            assertThat(worker.deliverDue()).isEqualTo(2);

            String content = "工单升级 " + ticket.getNumber() + "\n响应超时，请值班主管处理";
            assertThat(wecom.received()).hasSize(1);
            WebhookReceiver.Received w = wecom.received().get(0);
            assertThat(w.method()).isEqualTo("POST");
            assertThat(w.path()).isEqualTo("/cgi-bin/webhook/send");
            assertThat(w.rawQuery()).isEqualTo("key=" + WECOM_KEY);
            assertThat(w.contentType()).startsWith("application/json");
            JsonNode wp = w.json();
            assertThat(fieldNames(wp)).containsExactlyInAnyOrder("msgtype", "text");
            assertThat(wp.path("msgtype").asText()).isEqualTo("text");
            assertThat(fieldNames(wp.path("text"))).containsExactlyInAnyOrder("content", "mentioned_mobile_list");
            assertThat(wp.path("text").path("content").asText()).isEqualTo(content);
            assertThat(texts(wp.path("text").path("mentioned_mobile_list"))).containsExactly("13800000001", "13900000002");

            assertThat(dingtalk.received()).hasSize(1);
            WebhookReceiver.Received d = dingtalk.received().get(0);
            assertThat(d.method()).isEqualTo("POST");
            assertThat(d.path()).isEqualTo("/robot/send");
            assertThat(d.rawQuery()).as("no secret, no signature").isEqualTo("access_token=" + DINGTALK_TOKEN);
            JsonNode dp = d.json();
            assertThat(fieldNames(dp)).containsExactlyInAnyOrder("msgtype", "text", "at");
            assertThat(dp.path("msgtype").asText()).isEqualTo("text");
            assertThat(dp.path("text").path("content").asText()).isEqualTo(content + "\n@13800000001 @13900000002");
            assertThat(texts(dp.path("at").path("atMobiles"))).containsExactly("13800000001", "13900000002");
            assertThat(dp.path("at").path("isAtAll").isBoolean()).isTrue();
            assertThat(dp.path("at").path("isAtAll").asBoolean()).isFalse();

            Delivery wecomRow = only(ticket, DeliveryChannel.WECOM);
            assertThat(wecomRow.getStatus()).isEqualTo(DeliveryStatus.SENT);
            assertThat(wecomRow.getAttempts()).isEqualTo(1);
            assertThat(wecomRow.getTarget()).isEqualTo("127.0.0.1:" + wecom.port() + "/cgi-bin/webhook/send?key=****5aaa");
            Delivery dingtalkRow = only(ticket, DeliveryChannel.DINGTALK);
            assertThat(dingtalkRow.getStatus()).isEqualTo(DeliveryStatus.SENT);
            assertThat(dingtalkRow.getTarget()).isEqualTo("127.0.0.1:" + dingtalk.port() + "/robot/send?access_token=****ccdd");
        }
    }

    @Test
    void aDingTalkSecretSignsTheRequestWithTimestampAndHmac() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        String secret = "SEC3f1b2c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80";
        try (WebhookReceiver dingtalk = new WebhookReceiver()) {
            // one URL with a query already (access_token), one without: "&" and "?" respectively
            sendCommitted(new OutgoingMessage(ticket.getId(), "加签", "第一条", List.of(),
                    new ChannelSettings(false, null, dingtalk.url("/robot/send?access_token=" + DINGTALK_TOKEN), secret)));
            sendCommitted(new OutgoingMessage(ticket.getId(), "加签", "第二条", List.of(),
                    new ChannelSettings(false, null, dingtalk.url("/robot/send"), secret)));

            assertThat(worker.deliverDue()).isEqualTo(2);

            assertThat(dingtalk.received()).hasSize(2);
            for (WebhookReceiver.Received r : dingtalk.received()) {
                Map<String, String> params = query(r.rawQuery());
                if (params.containsKey("access_token")) {
                    assertThat(params.keySet()).containsExactly("access_token", "timestamp", "sign");
                    assertThat(params.get("access_token")).isEqualTo(DINGTALK_TOKEN);
                } else {
                    assertThat(params.keySet()).containsExactly("timestamp", "sign");
                }
                long timestamp = Long.parseLong(params.get("timestamp"));
                assertThat(timestamp).isEqualTo(clock.millis());
                byte[] expected = hmacSha256(secret, timestamp + "\n" + secret);
                assertThat(Base64.getDecoder().decode(params.get("sign"))).isEqualTo(expected);
                assertThat(r.json().path("at").path("atMobiles").isArray()).isTrue();
            }
        }
        assertThat(deliveriesOf(ticket)).allMatch(d -> d.getStatus() == DeliveryStatus.SENT);
    }

    @Test
    void theDeliveryListOfATicketShowsStatusNewestFirstAndNeverTheKeyOrSecret() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        String secret = "SECabcdef0123456789abcdef0123456789abcdef0123456789abcdef01234567";
        try (WebhookReceiver robots = new WebhookReceiver()) {
            sendCommitted(new OutgoingMessage(ticket.getId(), "first", "one", List.of(new Recipient(null, "X", "x@example.com", null)),
                    new ChannelSettings(true, null, null, null)));
            clock.advance(java.time.Duration.ofMinutes(1));
            sendCommitted(new OutgoingMessage(ticket.getId(), "second", "two", List.of(),
                    new ChannelSettings(false, robots.url("/cgi-bin/webhook/send?key=" + WECOM_KEY),
                            robots.url("/robot/send?access_token=" + DINGTALK_TOKEN), secret)));
            worker.deliverDue();

            ResponseEntity<String> response = rest.withBasicAuth("t-eng", PASSWORD)
                    .getForEntity("/api/tickets/" + ticket.getId() + "/deliveries", String.class);

            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(response.getBody()).doesNotContain(WECOM_KEY).doesNotContain(DINGTALK_TOKEN).doesNotContain(secret);
            JsonNode list = JSON.readTree(response.getBody());
            assertThat(list).hasSize(3);
            assertThat(list.get(2).path("channel").asText()).isEqualTo("EMAIL");
            assertThat(list.get(2).path("target").asText()).isEqualTo("x@example.com");
            assertThat(List.of(list.get(0).path("channel").asText(), list.get(1).path("channel").asText()))
                    .containsExactlyInAnyOrder("WECOM", "DINGTALK");
            JsonNode first = list.get(0);
            assertThat(fieldNames(first)).contains("id", "channel", "target", "status", "attempts", "createdAt", "sentAt")
                    .doesNotContain("endpointUrl", "signSecret", "body");
            assertThat(first.path("status").asText()).isEqualTo("SENT");
            assertThat(first.path("attempts").asInt()).isEqualTo(1);
        }
        assertThat(rest.getForEntity("/api/tickets/" + ticket.getId() + "/deliveries", String.class).getStatusCode().value())
                .as("signed-in users only").isEqualTo(401);
        assertThat(rest.withBasicAuth("t-eng", PASSWORD).getForEntity("/api/tickets/999999999/deliveries", String.class).getBody())
                .isEqualTo("[]");
    }
}
