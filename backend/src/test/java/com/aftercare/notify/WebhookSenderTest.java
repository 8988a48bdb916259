package com.aftercare.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.aftercare.outbound.OutboundProperties;
import com.aftercare.outbound.OutboundTargets;

/** The robot client on its own, against a loopback server: every way an attempt can fail says why. */
class WebhookSenderTest {

    /** As in the test profile: loopback only on the ports the OS hands out to the test's robots. */
    private final WebhookSender sender = new WebhookSender(Duration.ofMillis(500), Clock.systemUTC(),
            new OutboundTargets(new OutboundProperties(List.of("127.0.0.1/32:32768-65535"))));

    @Test
    void aSlowRobotIsATimeout() throws Exception {
        try (WebhookReceiver robot = new WebhookReceiver().thenAnswerSlowly(2_000)) {
            SendResult result = sender.wecom(robot.url("/hook?key=k"), "text", List.of());

            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED);
            assertThat(result.detail()).isEqualTo("no answer within 500 ms");
        }
    }

    @Test
    void nobodyListeningIsAConnectionError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SendResult result = sender.dingtalk("http://127.0.0.1:" + closedPort + "/robot/send", null, "text", List.of());

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(result.detail()).startsWith("could not connect");
    }

    @Test
    void anAnswerWithoutErrcodeIsNotTakenAsSuccess() throws Exception {
        try (WebhookReceiver robot = new WebhookReceiver().thenAnswer(200, "<html>captive portal</html>").thenAnswer(404, "")) {
            SendResult html = sender.wecom(robot.url("/hook"), "text", List.of());
            SendResult notFound = sender.wecom(robot.url("/hook"), "text", List.of());
            SendResult ok = sender.wecom(robot.url("/hook"), "text", List.of());

            assertThat(html.outcome()).isEqualTo(SendResult.Outcome.FAILED);
            assertThat(html.detail()).isEqualTo("HTTP 200 without an errcode").doesNotContain("captive portal");
            assertThat(notFound.outcome()).isEqualTo(SendResult.Outcome.FAILED);
            assertThat(notFound.detail()).isEqualTo("HTTP 404");
            assertThat(ok.outcome()).isEqualTo(SendResult.Outcome.SENT);
        }
    }

    @Test
    void theSignatureIsHmacSha256OfTimestampAndSecretBase64AndUrlEncoded() throws Exception {
        String secret = "SECthis-is-a-test-secret";
        long timestamp = 1_700_000_000_123L;

        String signed = WebhookSender.signedUrl("https://oapi.dingtalk.com/robot/send?access_token=t", secret, timestamp);
        String unsignedQuery = WebhookSender.signedUrl("https://oapi.dingtalk.com/robot/send", secret, timestamp);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expectedSign = Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(signed).startsWith("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000123&sign=");
        assertThat(unsignedQuery).startsWith("https://oapi.dingtalk.com/robot/send?timestamp=1700000000123&sign=");
        String sign = signed.substring(signed.indexOf("&sign=") + 6);
        assertThat(sign).doesNotContain("+", "/", "=");
        assertThat(URLDecoder.decode(sign, StandardCharsets.UTF_8)).isEqualTo(expectedSign);
    }

    @Test
    void weComContentIsCutToItsByteLimitOnACharacterBoundary() {
        String longChinese = "故".repeat(1_000); // 3 000 bytes of UTF-8
        String content = DeliveryTexts.wecomContent("主题", longChinese);

        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(content).startsWith("主题\n故故").endsWith("故…");
        assertThat(DeliveryTexts.wecomContent("", "short")).isEqualTo("short");
    }

    @Test
    void theShownTargetMasksTheRobotKey() {
        assertThat(DeliveryTexts.maskedTarget("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2b1fa5aaa"))
                .isEqualTo("qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****5aaa");
        assertThat(DeliveryTexts.maskedTarget("http://10.1.2.3:8080/robot/send?access_token=short&x"))
                .isEqualTo("10.1.2.3:8080/robot/send?access_token=****&x");
    }
}
