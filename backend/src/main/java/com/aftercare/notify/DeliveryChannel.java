package com.aftercare.notify;

/** An outside channel a notification is delivered over. In-app notifications are not deliveries. */
public enum DeliveryChannel {
    EMAIL, WECOM, DINGTALK
}
