package com.aftercare.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;
import com.aftercare.outbound.AllowList;
import com.aftercare.outbound.OutboundTargets;
import com.aftercare.probes.net.PinnedHttp;
import com.aftercare.outbound.TargetRefusedException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Posts a text message to a WeCom (企业微信) or DingTalk (钉钉) group robot webhook. Both answer
 * HTTP 200 with {"errcode":0,"errmsg":"ok"} when they took the message; any other status, a
 * non-zero errcode, a timeout or a connection error is a failed attempt with the reason recorded.
 * Redirects are not followed: a robot webhook that redirects is misconfigured.
 *
 * <p>Every attempt goes through {@link OutboundTargets} (the target resolved and checked now, and
 * the connection made to that checked address), and the recorded reason is a classification only:
 * what the remote side answered never reaches a delivery record, so a webhook aimed at an internal
 * service cannot be used to read it.
 */
@Component
class WebhookSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final PinnedHttp http;
    private final OutboundTargets targets;
    private final Duration timeout;
    private final Clock clock;

    @Autowired
    WebhookSender(NotifyProperties properties, Clock clock, OutboundTargets targets) {
        this(properties.httpTimeout(), clock, targets);
    }

    WebhookSender(Duration timeout, Clock clock, OutboundTargets targets) {
        this.timeout = timeout;
        this.clock = clock;
        this.targets = targets;
        this.http = new PinnedHttp(timeout, timeout);
    }

    /** {"msgtype":"text","text":{"content":..,"mentioned_mobile_list":[..]}} */
    static String wecomPayload(String content, List<String> mobiles) {
        ObjectNode root = JSON.createObjectNode();
        root.put("msgtype", "text");
        ObjectNode text = root.putObject("text");
        text.put("content", content);
        mobiles.forEach(text.putArray("mentioned_mobile_list")::add);
        return write(root);
    }

    /** {"msgtype":"text","text":{"content":..},"at":{"atMobiles":[..],"isAtAll":false}} */
    static String dingtalkPayload(String content, List<String> mobiles) {
        ObjectNode root = JSON.createObjectNode();
        root.put("msgtype", "text");
        root.putObject("text").put("content", content);
        ObjectNode at = root.putObject("at");
        mobiles.forEach(at.putArray("atMobiles")::add);
        at.put("isAtAll", false);
        return write(root);
    }

    /**
     * DingTalk "sign" security: Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)),
     * URL-encoded, appended with the timestamp (milliseconds; DingTalk accepts it within an hour).
     */
    static String signedUrl(String url, String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            String sign = URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8);
            return url + (URI.create(url).getRawQuery() == null ? "?" : "&") + "timestamp=" + timestampMillis + "&sign=" + sign;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    SendResult wecom(String url, String content, List<String> mobiles) {
        return wecom(url, null, content, mobiles);
    }

    SendResult wecom(String url, String allowList, String content, List<String> mobiles) {
        return post(url, allowList, wecomPayload(content, mobiles));
    }

    SendResult dingtalk(String url, String secret, String content, List<String> mobiles) {
        return dingtalk(url, secret, null, content, mobiles);
    }

    SendResult dingtalk(String url, String secret, String allowList, String content, List<String> mobiles) {
        String target = secret == null ? url : signedUrl(url, secret, clock.millis());
        return post(target, allowList, dingtalkPayload(content, mobiles));
    }

    private SendResult post(String url, String allowList, String payload) {
        URI uri;
        InetAddress address;
        try {
            uri = new URI(url);
            if (uri.getHost() == null) {
                return SendResult.failedForGood("not a usable webhook URL");
            }
            address = targets.resolveWebhook(uri, AllowList.of(allowList));
        } catch (URISyntaxException | BadRequestException e) {
            return SendResult.failedForGood("not a usable webhook URL");
        } catch (TargetRefusedException e) {
            log.warn("Webhook not sent: {}", e.reason());
            // an address that is not allowed now may be allowed after the admin fixes the allow-list: retried
            return SendResult.failed(e.getMessage());
        }
        PinnedHttp.Response response;
        try {
            response = http.send("POST", uri, address, "application/json; charset=utf-8", payload.getBytes(StandardCharsets.UTF_8), false);
        } catch (PinnedHttp.Failure e) {
            if (e.getMessage().equals("timeout")) {
                return SendResult.failed((e.connectPhase() ? "could not connect within " : "no answer within ") + timeout.toMillis() + " ms");
            }
            return SendResult.failed(e.connectPhase() ? "could not connect: " + e.getMessage() : e.getMessage());
        }
        if (response.status() < 200 || response.status() > 299) {
            return SendResult.failed("HTTP " + response.status());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || !answer.path("errcode").isIntegralNumber()) {
            return SendResult.failed("HTTP " + response.status() + " without an errcode");
        }
        int errcode = answer.path("errcode").asInt();
        if (errcode != 0) {
            // errmsg is the remote side's text: for the operator's log, not for the delivery record users read
            log.info("Webhook answered errcode {}: {}", errcode, oneLine(answer.path("errmsg").asText("")));
            return SendResult.failed("errcode " + errcode);
        }
        return SendResult.sent();
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
