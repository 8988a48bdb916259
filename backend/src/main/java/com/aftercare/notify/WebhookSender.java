package com.aftercare.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Posts a text message to a WeCom (企业微信) or DingTalk (钉钉) group robot webhook. Both answer
 * HTTP 200 with {"errcode":0,"errmsg":"ok"} when they took the message; any other status, a
 * non-zero errcode, a timeout or a connection error is a failed attempt with the reason recorded.
 * Redirects are not followed: a robot webhook that redirects is misconfigured.
 */
@Component
class WebhookSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER_IN_ERROR = 200;

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    @Autowired
    WebhookSender(NotifyProperties properties, Clock clock) {
        this(properties.httpTimeout(), clock);
    }

    WebhookSender(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
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
        return post(url, wecomPayload(content, mobiles));
    }

    SendResult dingtalk(String url, String secret, String content, List<String> mobiles) {
        String target = secret == null ? url : signedUrl(url, secret, clock.millis());
        return post(target, dingtalkPayload(content, mobiles));
    }

    private SendResult post(String url, String payload) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return SendResult.failedForGood("not a usable webhook URL");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return SendResult.failed("could not connect within " + timeout.toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return SendResult.failed("no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return SendResult.failed("could not connect: " + SendResult.describe(e));
        } catch (IOException e) {
            return SendResult.failed(SendResult.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed("interrupted while sending");
        }
        String body = response.body() == null ? "" : response.body();
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            return SendResult.failed("HTTP " + response.statusCode() + answer(body));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || !answer.path("errcode").isIntegralNumber()) {
            return SendResult.failed("HTTP " + response.statusCode() + " without an errcode" + answer(body));
        }
        int errcode = answer.path("errcode").asInt();
        if (errcode != 0) {
            return SendResult.failed("errcode " + errcode + ": " + answer.path("errmsg").asText(""));
        }
        return SendResult.sent();
    }

    private static String answer(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        if (oneLine.isEmpty()) {
            return "";
        }
        return ": " + (oneLine.length() > MAX_ANSWER_IN_ERROR ? oneLine.substring(0, MAX_ANSWER_IN_ERROR) + "…" : oneLine);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
