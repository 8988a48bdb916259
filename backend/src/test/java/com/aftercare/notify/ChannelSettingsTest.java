package com.aftercare.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import java.util.List;

import com.aftercare.common.BadRequestException;
import com.aftercare.outbound.OutboundProperties;
import com.aftercare.outbound.OutboundTargets;
import com.aftercare.outbound.WebhookSettingsValidator;

/**
 * Channel settings are checked by the same rules as a contract's webhooks (one validator), naming every
 * field that is wrong.
 */
class ChannelSettingsTest {

    private static final WebhookSettingsValidator RULES = new WebhookSettingsValidator(
            new OutboundTargets(new OutboundProperties(List.of())));

    private static final String WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2b1fa5aaa";
    private static final String DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=abc123";

    private static BadRequestException rejected(ChannelSettings settings) {
        BadRequestException e = catchThrowableOfType(() -> settings.validate(RULES), BadRequestException.class);
        assertThat(e).as("expected " + settings + " to be rejected").isNotNull();
        return e;
    }

    @Test
    void realRobotUrlsAndNoUrlsAreFine() {
        assertThatCode(() -> new ChannelSettings(true, WECOM, DINGTALK, "SEC0123456789abcdef").validate(RULES)).doesNotThrowAnyException();
        assertThatCode(() -> new ChannelSettings(true, "http://10.0.0.5:8080/hook", null, null, "10.0.0.0/8").validate(RULES)).doesNotThrowAnyException();
        assertThatCode(() -> ChannelSettings.inAppOnly().validate(RULES)).doesNotThrowAnyException();
        assertThat(ChannelSettings.inAppOnly()).isEqualTo(new ChannelSettings(false, null, null, null));
    }

    @Test
    void blankMeansOff() {
        ChannelSettings blank = new ChannelSettings(false, "  ", "", " ");
        assertThat(blank.wecomWebhookUrl()).isNull();
        assertThat(blank.dingtalkWebhookUrl()).isNull();
        assertThat(blank.dingtalkSecret()).isNull();
        assertThatCode(() -> blank.validate(RULES)).doesNotThrowAnyException();
    }

    @Test
    void ftpIsRejectedUnderItsField() {
        BadRequestException e = rejected(new ChannelSettings(false, "ftp://qyapi.weixin.qq.com/send?key=x", null, null));
        assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("wecomWebhookUrl");
        assertThat(e.errors().get(0).message()).contains("http:// or https://");

        e = rejected(new ChannelSettings(false, null, "ftp://oapi.dingtalk.com/robot/send", null));
        assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("dingtalkWebhookUrl");
    }

    @Test
    void aUrlWithoutHostIsRejected() {
        BadRequestException e = rejected(new ChannelSettings(false, null, "https:///robot/send?access_token=x", null));
        assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("dingtalkWebhookUrl");
        assertThat(e.errors().get(0).message()).contains("host");

        assertThat(rejected(new ChannelSettings(false, "not a url", null, null)).errors())
                .extracting(BadRequestException.FieldError::field).containsExactly("wecomWebhookUrl");
        assertThat(rejected(new ChannelSettings(false, "/cgi-bin/webhook/send", null, null)).errors())
                .extracting(BadRequestException.FieldError::field).containsExactly("wecomWebhookUrl");
        assertThat(rejected(new ChannelSettings(false, "https://user:pw@qyapi.weixin.qq.com/x", null, null)).errors())
                .extracting(BadRequestException.FieldError::field).containsExactly("wecomWebhookUrl");
    }

    @Test
    void overLongUrlsAndSecretsAreRejected() {
        String prefix = "https://oapi.dingtalk.com/robot/send?access_token=";
        String exactly500 = prefix + "a".repeat(500 - prefix.length());
        assertThatCode(() -> new ChannelSettings(false, exactly500, exactly500, "s".repeat(200)).validate(RULES)).doesNotThrowAnyException();

        BadRequestException e = rejected(new ChannelSettings(false, null, exactly500 + "a", null));
        assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("dingtalkWebhookUrl");
        assertThat(e.errors().get(0).message()).contains("500");

        e = rejected(new ChannelSettings(false, null, DINGTALK, "s".repeat(201)));
        assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("dingtalkSecret");
        assertThat(e.errors().get(0).message()).contains("200");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        BadRequestException e = rejected(new ChannelSettings(true, "ftp://a/b", "https:///x", "has space", "10.0.0.0/99"));
        assertThat(e.errors()).extracting(BadRequestException.FieldError::field)
                .containsExactly("webhookAllowList", "wecomWebhookUrl", "dingtalkWebhookUrl", "dingtalkSecret");
    }

    /** What only the contract's check refused before the two became one: http, inside addresses, a bad allow-list. */
    @Test
    void theContractRulesHoldForChannelSettingsToo() {
        BadRequestException e = rejected(new ChannelSettings(false, "http://61.135.169.121/cgi-bin/webhook/send?key=k", null, null));
        assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("wecomWebhookUrl");
        assertThat(e.errors().get(0).message()).contains("https://");

        e = rejected(new ChannelSettings(false, null, "https://169.254.169.254/latest/meta-data", null));
        assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("dingtalkWebhookUrl");
        assertThat(e.errors().get(0).message()).contains(OutboundTargets.NOT_ALLOWED);

        e = rejected(new ChannelSettings(false, "http://10.0.0.5:8080/hook", null, null));
        assertThat(e.errors()).as("a private robot needs the allow-list").extracting(BadRequestException.FieldError::field)
                .containsExactly("wecomWebhookUrl");
        assertThat(rejected(new ChannelSettings(false, null, null, null, "not an entry!")).errors())
                .extracting(BadRequestException.FieldError::field).containsExactly("webhookAllowList");
    }
}
