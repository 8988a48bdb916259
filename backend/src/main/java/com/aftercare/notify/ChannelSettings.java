package com.aftercare.notify;

import com.aftercare.common.BadRequestException;
import com.aftercare.outbound.TargetRule;
import com.aftercare.outbound.WebhookSettingsValidator;
import com.aftercare.secrets.SigningSecret;

/**
 * Per service contract: which outside channels are on. A null (or blank) URL means the channel is
 * off; blanks are stored as null. The DingTalk secret is optional (robots with "sign" security).
 */
public record ChannelSettings(boolean email, String wecomWebhookUrl, String dingtalkWebhookUrl, String dingtalkSecret,
        String webhookAllowList) {

    static final int MAX_URL_LENGTH = TargetRule.MAX_URL_LENGTH;
    static final int MAX_SECRET_LENGTH = SigningSecret.MAX_LENGTH;

    public ChannelSettings {
        wecomWebhookUrl = blankToNull(wecomWebhookUrl);
        dingtalkWebhookUrl = blankToNull(dingtalkWebhookUrl);
        dingtalkSecret = blankToNull(dingtalkSecret);
        webhookAllowList = blankToNull(webhookAllowList);
    }

    /** Channels whose webhooks may reach only public addresses (and the server-wide allow-list). */
    public ChannelSettings(boolean email, String wecomWebhookUrl, String dingtalkWebhookUrl, String dingtalkSecret) {
        this(email, wecomWebhookUrl, dingtalkWebhookUrl, dingtalkSecret, null);
    }

    public static ChannelSettings inAppOnly() {
        return new ChannelSettings(false, null, null, null);
    }

    @Override
    public String toString() {
        // the URLs carry the robots' keys: never in a log line or an exception message
        return "ChannelSettings[email=" + email + ", wecom=" + (wecomWebhookUrl != null) + ", dingtalk=" + (dingtalkWebhookUrl != null)
                + ", signed=" + (dingtalkSecret != null) + "]";
    }

    /** These settings as the one webhook check reads them. */
    public WebhookSettingsValidator.WebhookSettings webhookSettings() {
        return new WebhookSettingsValidator.WebhookSettings(wecomWebhookUrl, dingtalkWebhookUrl, dingtalkSecret, webhookAllowList);
    }

    /**
     * Rejects settings that could never deliver, by the same rules as a contract's
     * ({@link WebhookSettingsValidator}): URL text, https unless allow-listed, the address reached, the
     * allow-list and the secret. All problems are reported at once, each under its field name.
     *
     * @throws BadRequestException with fields "wecomWebhookUrl", "dingtalkWebhookUrl", "dingtalkSecret", "webhookAllowList"
     */
    public void validate(WebhookSettingsValidator rules) {
        rules.validate(webhookSettings());
    }

    /**
     * Why this webhook URL cannot be used by its text, or null if it can (null URL = channel off =
     * fine). The address itself is checked when a contract is saved and on every send ({@code OutboundTargets}).
     */
    static String urlProblem(String url) {
        return WebhookSettingsValidator.urlTextProblem(url);
    }

    static String secretProblem(String secret) {
        return WebhookSettingsValidator.secretProblem(secret);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
