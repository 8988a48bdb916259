package com.aftercare.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

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
import com.aftercare.change.DecideChange;
import com.aftercare.change.ReadChanges;
import com.aftercare.change.RequestChange;
import com.aftercare.configitem.ReadConfigItems;
import com.aftercare.identity.Role;

/**
 * Demo change requests (RP-5), once, into an empty list: a core switch upgrade approved and announced to the customer
 * (the customer's user finds it under 计划变更), a major platform upgrade approved and waiting for its test, and a
 * recorder disk change waiting for the supervisor's approval.
 */
@Component
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoChanges {

    private static final Logger log = LoggerFactory.getLogger(DemoChanges.class);

    private final ReadChanges read;
    private final RequestChange request;
    private final DecideChange decide;
    private final AssetService assets;
    private final ReadConfigItems items;
    private final Clock clock;

    DemoChanges(ReadChanges read, RequestChange request, DecideChange decide, AssetService assets, ReadConfigItems items,
            Clock clock) {
        this.items = items;
        this.read = read;
        this.request = request;
        this.decide = decide;
        this.assets = assets;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void load() {
        try {
            actAs("supervisor", Role.SUPERVISOR);
            if (!read.list(null).isEmpty()) {
                return;
            }
            Site city = assets.sites().stream().filter(s -> s.getName().equals(DemoData.CITY_SITE)).findFirst().orElse(null);
            if (city == null) {
                return;
            }
            List<Device> devices = assets.devices(city.getId(), null);
            Long coreSwitch = devices.stream().filter(d -> d.getName().startsWith("核心交换机")).map(Device::getId).findFirst().orElse(null);
            Long recorder = devices.stream().filter(d -> d.getType() == com.aftercare.asset.DeviceType.NVR).map(Device::getId)
                    .findFirst().orElse(null);
            long customerId = city.getCustomer().getId();

            actAs("engineer", Role.ENGINEER);
            long upgrade = request.request(new RequestChange.NewChange(customerId, city.getId(), ids(coreSwitch), "核心交换机固件升级",
                    "将核心交换机 SW-01 的固件由 V200R019 升级至 V200R022，升级前导出配置备份。", "厂商安全通告：旧版本存在远程管理漏洞。",
                    "升级重启期间指挥中心全部摄像机画面和录像中断约 20 分钟；其他站点不受影响。",
                    "升级失败时回刷 V200R019 固件并导入升级前备份的配置，约 30 分钟恢复。", false, null, evening(3, 22), evening(3, 23),
                    "engineer", null)).id();
            List<Long> platformItem = items.list(customerId, null, null, "视频监控平台").stream()
                    .map(ReadConfigItems.Summary::id).limit(1).toList();
            long platform = request.request(new RequestChange.NewChange(customerId, city.getId(), List.of(),
                    "视频平台服务器操作系统升级", "视频管理平台两台服务器由 CentOS 7 迁移至麒麟 V10，平台软件同步升级。",
                    "CentOS 7 已停止维护，需满足等保测评要求。", "迁移期间平台客户端无法登录，约 4 小时；录像机本地录像不受影响。",
                    "保留原系统盘镜像，失败时恢复镜像并回切原平台，约 1 小时。", true,
                    "先在备用服务器上完成迁移并试运行 48 小时，检查客户端登录、实时预览、录像回放和报警联动。", evening(10, 20),
                    evening(11, 0), "engineer", platformItem)).id();
            request.request(new RequestChange.NewChange(customerId, city.getId(), ids(recorder), "录像机硬盘扩容",
                    "为指挥中心 NVR 增加两块 8TB 硬盘并重建存储阵列。", "录像保存天数不足合同要求的 60 天。",
                    "NVR 重启期间该录像机接入的摄像机录像中断约 10 分钟，实时画面不受影响。", "拆除新硬盘，恢复原阵列配置。", false, null,
                    evening(5, 21), evening(5, 22), "engineer", null));

            actAs("supervisor", Role.SUPERVISOR);
            decide.decide(upgrade, new DecideChange.Decision(true, "同意。请在升级前完成配置备份并上传。"));
            decide.decide(platform, new DecideChange.Decision(true, "同意，先完成测试。"));
            log.info("Demo change requests: one announced, one waiting for its test, one waiting for approval");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static List<Long> ids(Long id) {
        return id == null ? List.of() : List.of(id);
    }

    /** That many days from today at that hour, the product's zone (changes are done in the evening, when few watch). */
    private Instant evening(int days, int hour) {
        LocalDate day = LocalDate.now(clock).plusDays(days);
        return ZonedDateTime.of(day, LocalTime.of(hour % 24, 0), clock.getZone()).plusDays(hour / 24).toInstant();
    }

    private static void actAs(String user, Role role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
