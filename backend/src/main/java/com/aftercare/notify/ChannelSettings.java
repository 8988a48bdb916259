package com.aftercare.notify;

/** PROVISIONAL (replaced by the notify-channels branch). */
public record ChannelSettings(boolean email, String wecomWebhookUrl, String dingtalkWebhookUrl, String dingtalkSecret) {
    public static ChannelSettings inAppOnly() {
        return new ChannelSettings(false, null, null, null);
    }

    public void validate() {
    }
}
