package com.aftercare.notify;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** How a message becomes what each channel sends and what a delivery record shows. */
final class DeliveryTexts {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 8000;
    static final int MAX_IN_APP = 1000;
    /** WeCom robots take at most 2048 bytes of UTF-8 text content. */
    static final int MAX_WECOM_BYTES = 2048;
    private static final int MAX_MENTIONS = 1000;

    private DeliveryTexts() {
    }

    /** Robot messages have no subject line: it becomes the first line of the content. */
    static String robotText(String subject, String text) {
        return subject.isBlank() ? text : subject + "\n" + text;
    }

    static String wecomContent(String subject, String text) {
        return truncateUtf8(robotText(subject, text), MAX_WECOM_BYTES);
    }

    /**
     * DingTalk only highlights an @-mention when the content itself carries "@mobile", so the
     * mentioned mobiles are appended as the last line (and survive any shortening).
     */
    static String dingtalkContent(String subject, String text, List<String> mobiles) {
        String mentions = mobiles.isEmpty() ? "" : "\n" + String.join(" ", mobiles.stream().map(m -> "@" + m).toList());
        return Delivery.truncate(robotText(subject, text), MAX_BODY - mentions.length()) + mentions;
    }

    /** Mobiles as the robots expect them: no spaces or dashes, each once, within what a row can hold. */
    static List<String> mobiles(List<Recipient> recipients) {
        List<String> result = new ArrayList<>();
        int length = 0;
        for (Recipient r : recipients) {
            if (r.mobile() == null) {
                continue;
            }
            String mobile = r.mobile().replaceAll("[\\s-]", "");
            if (mobile.isEmpty() || result.contains(mobile) || mobile.contains(",")) {
                continue;
            }
            length += mobile.length() + 1;
            if (length > MAX_MENTIONS) {
                break;
            }
            result.add(mobile);
        }
        return result;
    }

    /**
     * What a delivery record shows of a webhook: host, port and path, with every query value
     * (the robot's key or access_token) masked down to its last four characters.
     */
    static String maskedTarget(String url) {
        URI uri = URI.create(url);
        StringBuilder target = new StringBuilder(uri.getHost());
        if (uri.getPort() >= 0) {
            target.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            target.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            List<String> params = new ArrayList<>();
            for (String param : uri.getRawQuery().split("&")) {
                int eq = param.indexOf('=');
                params.add(eq < 0 ? param : param.substring(0, eq + 1) + mask(param.substring(eq + 1)));
            }
            target.append('?').append(String.join("&", params));
        }
        return target.toString();
    }

    static String mask(String value) {
        return value.length() < 12 ? "****" : "****" + value.substring(value.length() - 4);
    }

    /** Cuts a text to at most maxBytes of UTF-8, on a character boundary, marking the cut with "…". */
    static String truncateUtf8(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        String ellipsis = "…";
        int room = maxBytes - ellipsis.getBytes(StandardCharsets.UTF_8).length;
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer in = CharBuffer.wrap(s);
        encoder.encode(in, ByteBuffer.allocate(room), true);
        return s.substring(0, in.position()) + ellipsis;
    }
}
