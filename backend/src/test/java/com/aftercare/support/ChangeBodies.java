package com.aftercare.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.aftercare.asset.Site;

/** A normal change request's body for a site's devices, carried out by t-eng in a window of the given length. */
public final class ChangeBodies {

    private ChangeBodies() {
    }

    public static Map<String, Object> normal(Site site, List<Long> deviceIds, String title, Instant start, Duration length) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", site.getCustomer().getId());
        body.put("siteId", site.getId());
        body.put("deviceIds", deviceIds);
        body.put("title", title);
        body.put("description", "升级固件");
        body.put("reason", "厂商安全通告");
        body.put("impact", "升级期间该设备下摄像机画面中断约 5 分钟");
        body.put("fallback", "回刷旧固件");
        body.put("major", false);
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plus(length).toString());
        body.put("implementer", "t-eng");
        return body;
    }
}
