package com.aftercare.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.asset.Site;
import com.aftercare.configitem.ConfigItemKind;
import com.aftercare.configitem.ConfigItemStatus;
import com.aftercare.configitem.ConfigRelation;
import com.aftercare.configitem.EditConfigItem;
import com.aftercare.configitem.LinkConfigItem;
import com.aftercare.configitem.ReadConfigItems;
import com.aftercare.configitem.RegisterConfigItem;
import com.aftercare.identity.Role;

/**
 * Demo configuration items (RP-4), once, into an empty list: the command centre's video platform resting on its
 * recorder, core switch and UPS, the police video network, and the 110 sharing service on top of both; the platform was
 * upgraded once, so its history has a changed version. NVR-01's and SW-01's cases then show what their failure takes down.
 */
@Component
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoConfigItems {

    private static final Logger log = LoggerFactory.getLogger(DemoConfigItems.class);

    private final ReadConfigItems read;
    private final RegisterConfigItem register;
    private final EditConfigItem edit;
    private final LinkConfigItem link;
    private final AssetService assets;

    DemoConfigItems(ReadConfigItems read, RegisterConfigItem register, EditConfigItem edit, LinkConfigItem link, AssetService assets) {
        this.read = read;
        this.register = register;
        this.edit = edit;
        this.link = link;
        this.assets = assets;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE - 1) // before DemoChanges, whose platform migration names the platform item
    void load() {
        try {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("engineer", null,
                    List.of(new SimpleGrantedAuthority(Role.ENGINEER.authority()))));
            if (!read.list(null, null, null, null).isEmpty()) {
                return;
            }
            Site city = assets.sites().stream().filter(s -> s.getName().equals(DemoData.CITY_SITE)).findFirst().orElse(null);
            if (city == null) {
                return;
            }
            Map<String, Long> devices = assets.devices(city.getId(), null).stream()
                    .collect(Collectors.toMap(Device::getName, Device::getId, (a, b) -> a));
            long unit = city.getCustomer().getId();

            long storage = item(unit, ConfigItemKind.SOFTWARE, "录像存储服务", "V4.62", "指挥中心机房2号机柜",
                    "NVR-01 本地存储，RAID5，录像保存 60 天", null);
            long platform = item(unit, ConfigItemKind.APPLICATION, "视频监控平台", "iVMS-8700 V3.3", "指挥中心机房2号机柜",
                    "接入摄像机 8 路；客户端 12 个；报警联动开启", "平台管理员：指挥中心信息科 王工");
            long network = item(unit, ConfigItemKind.NETWORK, "公安视频专网", null, "指挥中心机房1号机柜",
                    "VLAN 100；网段 10.20.0.0/16；上联市局专网 1Gbps", null);
            long sharing = item(unit, ConfigItemKind.SERVICE, "110 视频联网共享", null, null,
                    "向市局 110 指挥平台推送 8 路实时视频", "合同要求 7×24 小时可用");

            relate(storage, ConfigRelation.RUNS_ON, devices.get("NVR-01"), null);
            relate(storage, ConfigRelation.DEPENDS_ON, devices.get("UPS-01"), null);
            relate(platform, ConfigRelation.DEPENDS_ON, null, storage);
            relate(platform, ConfigRelation.CONNECTS_TO, devices.get("核心交换机 SW-01"), null);
            // the camera of the demo's field job: the unit's graph shows it red under the platform (an open case on it)
            relate(platform, ConfigRelation.CONNECTS_TO, devices.get("摄像机 C-01（1号路口）"), null);
            relate(network, ConfigRelation.RUNS_ON, devices.get("核心交换机 SW-01"), null);
            relate(sharing, ConfigRelation.DEPENDS_ON, null, platform);
            relate(sharing, ConfigRelation.CONNECTS_TO, null, network);

            ReadConfigItems.ItemView was = read.one(platform);
            edit.edit(platform, new EditConfigItem.ConfigItemEdit(was.kind(), was.name(), "iVMS-8700 V3.4", was.location(),
                    was.status(), was.owner(), was.parameters(), was.notes(), was.revision()));
            log.info("Demo configuration items: four items of the command centre and their relations");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long item(long unit, ConfigItemKind kind, String name, String version, String location, String parameters, String notes) {
        return register.register(new RegisterConfigItem.NewConfigItem(unit, kind, name, version, location, ConfigItemStatus.IN_SERVICE,
                "驻场工程师 李工", parameters, notes)).id();
    }

    private void relate(long item, ConfigRelation relation, Long deviceId, Long itemId) {
        if (deviceId != null || itemId != null) {
            link.link(item, new LinkConfigItem.NewLink(relation, deviceId, itemId));
        }
    }
}
