package com.aftercare.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.aftercare.common.BadRequestException;

/**
 * Per service contract: which outside channels are on. A null (or blank) URL means the channel is
 * off; blanks are stored as null. The DingTalk secret is optional (robots with "sign" security).
 */
public record ChannelSettings(boolean email, String wecomWebhookUrl, String dingtalkWebhookUrl, String dingtalkSecret) {

    static final int MAX_URL_LENGTH = 500;
    static final int MAX_SECRET_LENGTH = 200;

    public ChannelSettings {
        wecomWebhookUrl = blankToNull(wecomWebhookUrl);
        dingtalkWebhookUrl = blankToNull(dingtalkWebhookUrl);
        dingtalkSecret = blankToNull(dingtalkSecret);
    }

    public static ChannelSettings inAppOnly() {
        return new ChannelSettings(false, null, null, null);
    }

    /**
     * Rejects settings that could never deliver: webhook URLs must be http(s) with a host, no user
     * info, at most 500 characters; the secret at most 200 characters without spaces. All problems
     * are reported at once, each under its field name.
     *
     * @throws BadRequestException with fields "wecomWebhookUrl", "dingtalkWebhookUrl", "dingtalkSecret"
     */
    public void validate() {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        String wecom = urlProblem(wecomWebhookUrl);
        if (wecom != null) {
            errors.add(new BadRequestException.FieldError("wecomWebhookUrl", wecom));
        }
        String dingtalk = urlProblem(dingtalkWebhookUrl);
        if (dingtalk != null) {
            errors.add(new BadRequestException.FieldError("dingtalkWebhookUrl", dingtalk));
        }
        String secret = secretProblem(dingtalkSecret);
        if (secret != null) {
            errors.add(new BadRequestException.FieldError("dingtalkSecret", secret));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }

    /** Why this webhook URL cannot be used, or null if it can (null URL = channel off = fine). */
    static String urlProblem(String url) {
        if (url == null) {
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            return "must be at most " + MAX_URL_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http:// or https:// URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must have a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain a user name or password";
        }
        return null;
    }

    static String secretProblem(String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.length() > MAX_SECRET_LENGTH) {
            return "must be at most " + MAX_SECRET_LENGTH + " characters";
        }
        if (secret.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "must not contain spaces or control characters";
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
