package com.aftercare.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import com.aftercare.asset.Site;
import com.aftercare.identity.Role;
import com.aftercare.securityincident.CloseSecurityIncident;
import com.aftercare.securityincident.ReadSecurityIncidents;
import com.aftercare.securityincident.RecordCustomerTold;
import com.aftercare.securityincident.ReportSecurityIncident;
import com.aftercare.securityincident.SecurityImpact;
import com.aftercare.securityincident.SecurityIncidentKind;
import com.aftercare.securityincident.TakeSecurityIncident;

/**
 * Demo security incidents (RP-6), once, into an empty list, at the command centre: one closed three weeks ago (an
 * engineer changed the recorder's storage settings without the information centre's approval), and one the desk
 * reported yesterday that waits for a supervisor to take it up.
 */
@Component
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoSecurityIncidents {

    private static final Logger log = LoggerFactory.getLogger(DemoSecurityIncidents.class);

    private final ReadSecurityIncidents read;
    private final ReportSecurityIncident report;
    private final TakeSecurityIncident take;
    private final RecordCustomerTold told;
    private final CloseSecurityIncident close;
    private final AssetService assets;
    private final Clock clock;

    DemoSecurityIncidents(ReadSecurityIncidents read, ReportSecurityIncident report, TakeSecurityIncident take,
            RecordCustomerTold told, CloseSecurityIncident close, AssetService assets, Clock clock) {
        this.read = read;
        this.report = report;
        this.take = take;
        this.told = told;
        this.close = close;
        this.assets = assets;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void load() {
        try {
            signIn("supervisor", Role.SUPERVISOR);
            if (!read.list(null, null, null).isEmpty()) {
                return;
            }
            Site city = assets.sites().stream().filter(s -> s.getName().equals(DemoData.CITY_SITE)).findFirst().orElse(null);
            if (city == null) {
                return;
            }
            long unit = city.getCustomer().getId();
            Instant now = clock.instant();

            long closed = report.report(new ReportSecurityIncident.NewSecurityIncident(unit,
                    SecurityIncidentKind.BEYOND_AUTHORIZATION, SecurityImpact.SERIOUS, "未经审批修改录像机存储策略",
                    "驻场工程师在处理 NVR-01 存储告警时，未经信息中心审批将录像保存天数由 60 天改为 30 天，事后才报备。",
                    now.minus(Duration.ofDays(22)), "驻场工程师 李某", null)).id();
            take.take(closed);
            told.record(closed, new RecordCustomerTold.CustomerTold(now.minus(Duration.ofDays(21)),
                    "电话告知信息中心王主任，并于次日书面报告"));
            long revision = read.one(closed).revision();
            close.close(closed, new CloseSecurityIncident.Close(SecurityImpact.SERIOUS,
                    "恢复 60 天保存策略；收回该工程师的设备管理员权限；全员重申“变更须经信息中心授权”的规定",
                    "属实：超越授权操作，未造成录像丢失，定为严重安全事件", revision));

            signIn("desk", Role.SERVICE_DESK);
            report.report(new ReportSecurityIncident.NewSecurityIncident(unit, SecurityIncidentKind.LEAK, SecurityImpact.MINOR,
                    "监控截图出现在微信群", "用户单位反映：一张指挥中心监控画面的截图出现在外部微信群，来源待查。",
                    now.minus(Duration.ofDays(1)), null, null));
            log.info("Demo security incidents: one closed, one waiting to be taken up");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void signIn(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(username, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
