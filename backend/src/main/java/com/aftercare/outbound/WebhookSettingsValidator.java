package com.aftercare.outbound;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.secrets.SigningSecret;

/**
 * The one check for a contract's outside channels: the WeCom and DingTalk group-robot webhooks, the
 * DingTalk signing secret and the allow-list that may open the webhooks' way into a customer's network.
 * Used when a contract is saved and by {@code notify.ChannelSettings}; on every send the connection is
 * checked again by {@link OutboundTargets#resolveWebhook}.
 *
 * <p>What passes: no URL (the channel is off), or an http(s) URL with a host, no user info, at most
 * {@value TargetRule#MAX_URL_LENGTH} characters, https unless its target is allow-listed, reaching a public
 * address unless the allow-list (the contract's or the server's) covers it; a secret of at most
 * {@value SigningSecret#MAX_LENGTH} characters without spaces; an allow-list {@link AllowList#parse} reads.
 * Every problem is reported at once, each under its field.
 */
@Component
public class WebhookSettingsValidator {

    /** The fields as a contract stores them; null or blank means "not set". */
    public record WebhookSettings(String wecomWebhookUrl, String dingtalkWebhookUrl, String dingtalkSecret,
            String webhookAllowList) {

        @Override
        public String toString() {
            // the URLs carry the robots' keys: never in a log line or an exception message
            return "WebhookSettings[wecom=" + (wecomWebhookUrl != null) + ", dingtalk=" + (dingtalkWebhookUrl != null)
                    + ", signed=" + (dingtalkSecret != null) + ", allowList=" + webhookAllowList + "]";
        }
    }

    private final OutboundTargets targets;

    public WebhookSettingsValidator(OutboundTargets targets) {
        this.targets = targets;
    }

    /**
     * @throws BadRequestException naming every field that is wrong: wecomWebhookUrl, dingtalkWebhookUrl,
     *                             dingtalkSecret, webhookAllowList
     */
    public void validate(WebhookSettings settings) {
        List<FieldError> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
    }

    /** Every problem of these settings, each under its field; empty when they can be stored. */
    public List<FieldError> problems(WebhookSettings settings) {
        List<FieldError> problems = new ArrayList<>();
        AllowList allowList = null;
        try {
            allowList = AllowList.parse("webhookAllowList", blankToNull(settings.webhookAllowList()));
        } catch (BadRequestException e) {
            problems.addAll(e.errors());
        }
        url("wecomWebhookUrl", settings.wecomWebhookUrl(), allowList, problems);
        url("dingtalkWebhookUrl", settings.dingtalkWebhookUrl(), allowList, problems);
        String secret = secretProblem(blankToNull(settings.dingtalkSecret()));
        if (secret != null) {
            problems.add(new FieldError("dingtalkSecret", secret));
        }
        return problems;
    }

    /**
     * A URL's text alone, then (when the allow-list could be read, since which addresses it opens decides
     * it) https and the address it reaches.
     */
    private void url(String field, String url, AllowList allowList, List<FieldError> problems) {
        String stripped = blankToNull(url);
        if (stripped == null) {
            return;
        }
        String text = urlTextProblem(stripped);
        if (text != null) {
            problems.add(new FieldError(field, text));
            return;
        }
        if (allowList == null) {
            return;
        }
        try {
            targets.checkUrl(field, stripped, OutboundTargets.Use.WEBHOOK, allowList);
        } catch (BadRequestException e) {
            problems.addAll(e.errors());
        }
    }

    /**
     * Why this webhook URL can never be used, by its text alone (no lookup), or null: for a check right
     * before a message is queued, where the address is checked again on connect anyway.
     */
    public static String urlTextProblem(String url) {
        return url == null ? null : TargetRule.urlProblem(url);
    }

    /** Why this signing secret cannot be used, or null (null = no signing = fine). */
    public static String secretProblem(String secret) {
        return SigningSecret.problem(secret);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
