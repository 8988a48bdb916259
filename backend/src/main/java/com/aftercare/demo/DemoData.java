package com.aftercare.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.engineer.EngineerService;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.SaveContract;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.ReportFault;
import com.aftercare.ticket.Ticket;
import com.aftercare.workflow.TaskView;
import com.aftercare.workflow.WorkflowTaskService;

/**
 * Demo customer, sites, devices, engineers and one user per role (password "demo"). Only with
 * aftercare.demo.enabled (the demo profile). Demo devices are probed on this server's own port
 * so the verification step really passes on any machine; the NVRs are verified by VC-3 over ISAPI against
 * DemoRecorders, where "NVR-02" reports 0.5 GB free to show
 * a failing probe.
 */
@Component
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoData {

    static final String CITY_SITE = "示范市公安局指挥中心";
    static final String COUNTY_SITE = "示范县公安局城关派出所";
    private static final String SERIAL_PREFIX = "DEMO-";
    /** The demo's customer unit; a demo database written before the names were Chinese has the old English-first one. */
    static final String CUSTOMER = "示范市公安局";
    private static final String OLD_CUSTOMER_PREFIX = "Demo City";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AssetService assets;
    private final EngineerService engineers;
    private final AccountService accounts;
    private final Environment environment;
    private final SaveContract saveContract;
    private final ReportFault reportFault;
    private final WorkflowTaskService tasks;
    private final com.aftercare.probe.policy.ChangeVerificationPolicy changePolicy;
    private final com.aftercare.engineer.PlaceEngineer placeEngineer;
    private final java.time.Clock clock;
    private final com.aftercare.asset.DescribeSiteEnvironment describeSiteEnvironment;

    DemoData(AssetService assets, EngineerService engineers, AccountService accounts, Environment environment,
            SaveContract saveContract, ReportFault reportFault, WorkflowTaskService tasks,
            com.aftercare.probe.policy.ChangeVerificationPolicy changePolicy, com.aftercare.engineer.PlaceEngineer placeEngineer,
            java.time.Clock clock, com.aftercare.asset.DescribeSiteEnvironment describeSiteEnvironment) {
        this.describeSiteEnvironment = describeSiteEnvironment;
        this.clock = clock;
        this.placeEngineer = placeEngineer;
        this.changePolicy = changePolicy;
        this.saveContract = saveContract;
        this.reportFault = reportFault;
        this.tasks = tasks;
        this.assets = assets;
        this.engineers = engineers;
        this.accounts = accounts;
        this.environment = environment;
    }

    /** Before the other demo loaders, which build on its customer, sites and users (the recorders' servers start earlier). */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10)
    void load() {
        int port = Integer.parseInt(environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
        accounts.createIfAbsent("desk", "demo", "王芳", Set.of(Role.SERVICE_DESK));
        accounts.createIfAbsent("engineer", "demo", "张伟", Set.of(Role.ENGINEER));
        accounts.createIfAbsent("engineer2", "demo", "李娜", Set.of(Role.ENGINEER));
        accounts.createIfAbsent("supervisor", "demo", "陈静", Set.of(Role.SUPERVISOR));
        accounts.createIfAbsent("owner", "demo", "刘洋", Set.of(Role.PROCESS_OWNER));
        accounts.createIfAbsent("admin", "demo", "系统管理员", Set.of(Role.ADMIN));
        if (assets.customers().isEmpty()) {
            demoPolicies();
            seedAssets(port);
            seedFieldJob();
            seedClosedConsultations();
            log.info("Demo data loaded: sign in as desk / engineer / supervisor / owner / admin / customer, password 'demo'");
        } else {
            repointProbes(port);
        }
        // the reassign picker shows each engineer's region (issue 15): the demo's cover the demo sites' two regions;
        // also placed in a demo database written before engineers had one, never over an administrator's choice
        placeEngineer.placeIfUnplaced("engineer", Region.CITY);
        placeEngineer.placeIfUnplaced("engineer2", Region.COUNTY);
        // the customer's own user: reports and follows the demo customer's tickets only
        demoCustomer(assets).ifPresent(c -> accounts.createCustomerUserIfAbsent("customer", "demo", "赵磊（示范市公安局）", c.getId()));
    }

    /**
     * The demo cameras, switches and UPSs answer TCP and HTTP on this server only (no RTSP, ONVIF or SNMP peer runs
     * here), so the demo verifies those types "as configured" instead of the shipped VC-3 policy (ADR 0031); the
     * process owner sees and can change it on 「验证策略」. NVRs keep VC-3: the demo recorders answer ISAPI from this
     * server ({@link DemoRecorders}). A real installation keeps VC-3 for all.
     */
    private void demoPolicies() {
        List<com.aftercare.probe.policy.ChangeVerificationPolicy.CheckInput> asConfigured = List.of(
                new com.aftercare.probe.policy.ChangeVerificationPolicy.CheckInput("TCP", Map.of(), true, false),
                new com.aftercare.probe.policy.ChangeVerificationPolicy.CheckInput("HTTP", Map.of(), true, false));
        for (DeviceType type : DeviceType.values()) {
            if (type == DeviceType.NVR) {
                continue; // VC-3 against the demo recorders
            }
            changePolicy.change(type, asConfigured, "owner");
        }
    }

    /** The demo's customer unit, also in a demo database loaded by an older version (English-first names). */
    static java.util.Optional<Customer> demoCustomer(AssetService assets) {
        return assets.customers().stream()
                .filter(c -> c.getName().equals(CUSTOMER) || c.getName().startsWith(OLD_CUSTOMER_PREFIX)).findFirst();
    }

    /**
     * The demo project's acceptance (验收) day, two months before the day the demo is first loaded: its devices were
     * put into service that day (so the KPIs count them for the whole month the demo shows, README "KPI dashboard"), and
     * the periodic callbacks (CB-2) count from it ({@link DemoReportsAndSurveys}).
     */
    static LocalDate acceptedOn(java.time.Clock clock) {
        return LocalDate.now(clock).minusMonths(2);
    }

    private void seedAssets(int port) {
        engineers.create("engineer", "张伟", "13800000001", "市区运维组");
        engineers.create("engineer2", "李娜", "13800000002", "县区运维组");
        Customer customer = assets.createCustomer(CUSTOMER);
        Site city = assets.createSite(new NewSite(customer.getId(), CITY_SITE, "示范市人民路1号",
                Region.CITY, "赵磊", "010-88880001"));
        Site county = assets.createSite(new NewSite(customer.getId(), COUNTY_SITE, "示范县正街8号",
                Region.COUNTY, "孙浩", "010-88880002"));
        // what an engineer reads on the case page before going there (RP-3)
        describeSiteEnvironment.describe(city.getId(), new com.aftercare.asset.DescribeSiteEnvironment.Environment(
                "指挥中心三楼机房，防静电地板，两台精密空调", "市电双路供电，UPS 后备 2 小时，配电间在一楼", "2025 年防雷检测合格，机房接地电阻 2.8 Ω",
                "路口立杆处灰尘大，雨季潮湿", 3, "值班人员能重启设备、查看录像，不会配置交换机"));
        describeSiteEnvironment.describe(county.getId(), new com.aftercare.asset.DescribeSiteEnvironment.Environment(
                "城关派出所一楼机房，无空调，夏季室温偏高", "市电单路，UPS 后备 30 分钟", "多雷地区，前端立杆未全部加装避雷针",
                "雷区；夏季高温", 1, "兼职管理员，只能重启设备"));
        LocalDate warranty = LocalDate.of(2028, 6, 30);
        for (int i = 1; i <= 8; i++) {
            device(city, DeviceType.CAMERA, String.format("摄像机 C-%02d（%d号路口）", i, i), "DS-2CD3T47", port, warranty, true,
                    i + "号路口东北角立杆，离地6米");
        }
        for (int i = 1; i <= 6; i++) {
            device(county, DeviceType.CAMERA, String.format("摄像机 K-%02d（%d号乡镇）", i, i), "DS-2CD3T47", port, warranty, true,
                    i + "号乡镇派出所门口立杆");
        }
        recorder(city, "NVR-01", "DS-9664NI", port, warranty, "指挥中心机房2号机柜第3层");
        recorder(county, "NVR-02", "DS-9632NI", port, warranty, "城关派出所机房1号机柜"); // 0.5 GB free: fails VC-3
        device(city, DeviceType.SWITCH, "核心交换机 SW-01", "S5735", port, warranty, true, "指挥中心机房1号机柜");
        device(county, DeviceType.SWITCH, "接入交换机 SW-02", "S5720", port, warranty, true, "城关派出所机房1号机柜");
        device(city, DeviceType.UPS, "UPS-01", "UPS5000-E", port, warranty, true, "指挥中心配电间");
        device(county, DeviceType.UPS, "UPS-02", "UPS2000-A", port, LocalDate.of(2025, 12, 31), true, "城关派出所机房");
        // the three-level scheme round the clock; escalations go to the desk lead and the supervisor by name
        saveContract.save(customer.getId(), new ContractSettings("示范市公安局视频监控系统2026年度运维服务合同", "THREE_LEVEL",
                CalendarKind.SEVEN_BY_24, "Asia/Shanghai", "desk", "supervisor", "engineer", "supervisor", false, null, null, null,
                null, null, null, java.util.List.of("1"))); // level 1 (all users down) owes a recovery plan the customer reviews
        accounts.setContact("desk", "desk@demo.local", "13800000010");
        accounts.setContact("supervisor", "supervisor@demo.local", "13800000011");
        accounts.setContact("engineer", "engineer@demo.local", "13800000001");
    }

    /**
     * One fault already dispatched to and accepted by "engineer", waiting at the field step "Check in on site"
     * (dispatch.bpmn), so a new user sees the field flow: check-in, diagnosis report, work, the tester's confirmation.
     */
    private void seedFieldJob() {
        Site city = assets.sites().stream().filter(s -> s.getName().equals(CITY_SITE)).findFirst().orElseThrow();
        Device camera = assets.devices(city.getId(), null).stream().filter(d -> d.getType() == DeviceType.CAMERA)
                .findFirst().orElseThrow();
        Ticket ticket = reportFault.report(new NewTicket(Channel.HOTLINE, "赵磊", "示范市公安局",
                "010-88880001", city.getId(), camera.getId(), Category.DEFECT, Grade.LOW, Grade.LOW,
                "1号路口摄像机画面模糊", "1号路口摄像机从今天早上起画面一直模糊，看不清车牌。"),
                null).ticket();
        complete(ticket, "firstLineResolution", "desk", Role.SERVICE_DESK,
                java.util.Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "desk", Role.SERVICE_DESK, java.util.Map.of("engineer", "engineer"));
        complete(ticket, "acceptAssignment", "engineer", Role.ENGINEER, java.util.Map.of("accepted", true));
    }

    /**
     * Two consultations answered at the desk and closed after the callback (scores 5 and 2), so the KPI dashboard
     * (issue 16) has figures in the month the demo is loaded; README "KPI dashboard" gives their hand count.
     */
    private void seedClosedConsultations() {
        Site county = assets.sites().stream().filter(s -> s.getName().equals(COUNTY_SITE)).findFirst().orElseThrow();
        String[][] calls = { { "如何回放昨天的录像", "5" },
                { "如何把录像导出到U盘", "2" } };
        for (String[] call : calls) {
            Ticket ticket = reportFault.report(new NewTicket(Channel.HOTLINE, "孙浩", "示范县公安局",
                    "010-88880002", county.getId(), null, Category.CONSULTATION, Grade.LOW, Grade.LOW, call[0],
                    "来电咨询操作方法。"), null).ticket();
            complete(ticket, "firstLineResolution", "desk", Role.SERVICE_DESK, java.util.Map.of("category", "CONSULTATION",
                    "solvedAtDesk", true, "deskNote", "已电话指导操作"));
            complete(ticket, "callRequester", "desk", Role.SERVICE_DESK,
                    java.util.Map.of("callbackOutcome", "CONFIRMED", "satisfaction", call[1]));
        }
    }

    private void complete(Ticket ticket, String key, String user, Role role, java.util.Map<String, Object> values) {
        TaskView task = tasks.tasksOfTicket(ticket.getNumber(), user, Set.of(role)).stream()
                .filter(t -> t.key().equals(key)).findFirst().orElseThrow(() -> new IllegalStateException("demo: no task " + key));
        tasks.complete(task.id(), values, user, Set.of(role));
    }

    private void device(Site site, DeviceType type, String name, String model, int port, LocalDate warranty, boolean online,
            String location) {
        // the device's code in its Chinese name ("摄像机 C-01（1号路口）" → DEMO-C-01), as a nameplate would carry it
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("[A-Z]+-\\d+").matcher(name);
        String serial = SERIAL_PREFIX + (code.find() ? code.group() : name.replaceAll("[^A-Za-z0-9]+", "-"));
        int probePort = online ? port : 9;
        assets.createDevice(new NewDevice(site.getId(), type, name, model, serial, "127.0.0.1", warranty,
                String.valueOf(probePort), "http://127.0.0.1:" + probePort + "/actuator/health", false, null, acceptedOn(clock), location,
                demoSoftwareVersion(type), acceptedOn(clock).minusMonths(1)));
    }

    /** A demo NVR verified by VC-3 over ISAPI against {@link DemoRecorders} on this server. */
    private void recorder(Site site, String name, String model, int port, LocalDate warranty, String location) {
        String serial = SERIAL_PREFIX + name;
        String isapi = isapiAddress(port, name);
        assets.createDevice(new NewDevice(site.getId(), DeviceType.NVR, name, model, serial, "127.0.0.1", warranty,
                String.valueOf(port), "http://127.0.0.1:" + port + "/actuator/health", false,
                new com.aftercare.asset.DeviceProbeSettings(null, null, isapi, "admin", "demo-nvr", null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, false), acceptedOn(clock), location,
                demoSoftwareVersion(DeviceType.NVR), acceptedOn(clock).minusMonths(1)));
    }

    /** The software version a device of this type runs in the demo archive (bought a month before acceptance). */
    private static String demoSoftwareVersion(DeviceType type) {
        return switch (type) {
            case CAMERA -> "V5.7.3 build 230512";
            case NVR -> "V4.62.210 build 230818";
            case SWITCH -> "V200R022C00SPC500";
            case UPS -> "V100R001C10";
            default -> null;
        };
    }

    /**
     * The server may run on another port than when the demo data was written (a file database started again with
     * another --server.port); follow it: the TCP and HTTP checks, and the demo recorders' ISAPI address, which this
     * server answers ({@link DemoRecorders}), so a restarted demo still verifies its NVRs.
     */
    void repointProbes(int port) {
        for (Device d : assets.devices(null, null)) {
            if (d.getSerialNumber().startsWith(SERIAL_PREFIX) && !"9".equals(d.getProbeTcpPorts())) {
                assets.changeProbe(d.getId(), d.getIpAddress(), String.valueOf(port), "http://127.0.0.1:" + port + "/actuator/health");
                if (d.getType() == DeviceType.NVR && d.getProbeIsapiUrl() != null
                        && d.getProbeIsapiUrl().contains(DemoRecorders.PATH + "/")) {
                    assets.repointIsapi(d.getId(), isapiAddress(port, d.getName()));
                }
            }
        }
    }

    static String isapiAddress(int port, String recorderName) {
        return "http://127.0.0.1:" + port + DemoRecorders.PATH + "/" + recorderName.toLowerCase(java.util.Locale.ROOT);
    }
}
