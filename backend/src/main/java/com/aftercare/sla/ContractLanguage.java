package com.aftercare.sla;

import java.util.Arrays;
import java.util.Locale;

import com.aftercare.common.BadRequestException;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The language a contract's outside channels (e-mail, WeCom, DingTalk) are written in. The people on
 * those channels never chose a language in our UI, so the contract decides; Simplified Chinese unless
 * the customer's teams read English. Sent and stored as its language tag.
 */
public enum ContractLanguage {
    ZH_CN("zh-CN"),
    EN("en");

    public static final ContractLanguage DEFAULT = ZH_CN;

    private final String tag;

    ContractLanguage(String tag) {
        this.tag = tag;
    }

    @JsonValue
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /**
     * The language for a tag as a client sends it; null or blank means the default.
     *
     * @throws BadRequestException naming {@code field} for any other value
     */
    public static ContractLanguage of(String field, String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT;
        }
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag.strip())).findFirst()
                .orElseThrow(() -> new BadRequestException(field, "zh-CN or en"));
    }

    @Override
    public String toString() {
        return tag;
    }
}
