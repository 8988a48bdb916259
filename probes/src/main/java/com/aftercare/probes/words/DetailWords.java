package com.aftercare.probes.words;

import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckReason;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Chinese words for check outcomes. A check's detail is an English fact string in a fixed format built by
 * our own code ("free 0.5 GB of 3726.0 GB on 1 disk; minimum 1.0 GB"); the cases, reports and timelines
 * show it to Chinese users, so every format has a pattern here that says the same facts in Chinese, keeping
 * figures, channel and port numbers, protocol codes ("RTSP 454") and device words (model, firmware) as they are.
 * A format without a pattern still reads as the reason's label with the raw detail in brackets, never an error:
 * DetailWordsTest fails when a check gains a detail literal no example covers.
 */
public final class DetailWords {

    /** Labels of the check kinds, for server texts (Excel, PDF, timeline); the UI has its own labels file. */
    public static final Map<CheckKind, String> kindZh = enumMap(CheckKind.class, Map.ofEntries(
            Map.entry(CheckKind.TCP, "TCP 端口连通"),
            Map.entry(CheckKind.HTTP, "HTTP 访问"),
            Map.entry(CheckKind.RTSP_STREAM, "RTSP 取流"),
            Map.entry(CheckKind.ONVIF_MEDIA, "ONVIF 码流地址"),
            Map.entry(CheckKind.ONVIF_PTZ, "云台（PTZ）控制"),
            Map.entry(CheckKind.SNMP_UPTIME, "SNMP 在线（运行时间）"),
            Map.entry(CheckKind.SNMP_INTERFACES, "交换机端口状态"),
            Map.entry(CheckKind.SNMP_UPS, "UPS 电源状态"),
            Map.entry(CheckKind.NVR_STORAGE, "录像机硬盘"),
            Map.entry(CheckKind.NVR_RECORDINGS, "录像保存天数"),
            Map.entry(CheckKind.NVR_CHANNELS, "通道在线")));

    /** Labels of the reasons, also the fallback for a detail in a format without a pattern. */
    public static final Map<CheckReason, String> reasonZh = enumMap(CheckReason.class, Map.ofEntries(
            Map.entry(CheckReason.OK, "正常"),
            Map.entry(CheckReason.NOT_CONFIGURED, "未配置"),
            Map.entry(CheckReason.TARGET_REFUSED, "目标地址不允许探测"),
            Map.entry(CheckReason.NO_ADDRESS, "没有 IP 地址"),
            Map.entry(CheckReason.CONNECTION_REFUSED, "连接被拒绝"),
            Map.entry(CheckReason.TIMEOUT, "超时"),
            Map.entry(CheckReason.UNREACHABLE, "网络不可达"),
            Map.entry(CheckReason.TLS_FAILED, "TLS 握手失败"),
            Map.entry(CheckReason.AUTH_FAILED, "认证失败"),
            Map.entry(CheckReason.BAD_STATUS, "设备返回错误状态"),
            Map.entry(CheckReason.PROTOCOL_ERROR, "应答无法识别"),
            Map.entry(CheckReason.NO_MEDIA, "无码流"),
            Map.entry(CheckReason.DISK_FAULT, "硬盘故障"),
            Map.entry(CheckReason.LOW_FREE_SPACE, "硬盘剩余空间不足"),
            Map.entry(CheckReason.SHORT_RECORDINGS, "录像天数不足"),
            Map.entry(CheckReason.CHANNEL_OFFLINE, "通道离线"),
            Map.entry(CheckReason.PTZ_DID_NOT_MOVE, "云台未转动"),
            Map.entry(CheckReason.INTERFACE_DOWN, "交换机端口断开"),
            Map.entry(CheckReason.UPS_ALARM, "UPS 告警"),
            Map.entry(CheckReason.NOT_SUPPORTED, "设备不支持此功能")));

    /** Settings named by "missing: ..." and "... is not a valid URL" (DeviceEndpoint fields and check params). */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("tcpPorts", "TCP 端口"),
            Map.entry("httpUrl", "HTTP 地址"),
            Map.entry("rtspUrl", "RTSP 地址"),
            Map.entry("onvifUrl", "ONVIF 地址"),
            Map.entry("isapiUrl", "ISAPI 地址"),
            Map.entry("host", "IP 地址"),
            Map.entry("username", "用户名"),
            Map.entry("password", "密码"),
            Map.entry("channel", "通道号"),
            Map.entry("snmp", "SNMP 参数"),
            Map.entry("snmp.version", "SNMP 版本"),
            Map.entry("snmp.community", "SNMP 团体名"),
            Map.entry("snmp.user", "SNMP v3 用户名"),
            Map.entry("snmp.authProtocol", "SNMP 认证协议（MD5/SHA/SHA256）"),
            Map.entry("snmp.authPassword", "SNMP 认证密码（至少 8 个字符）"),
            Map.entry("snmp.privProtocol", "SNMP 加密协议（AES/AES256/DES）"),
            Map.entry("snmp.privPassword", "SNMP 加密密码（至少 8 个字符）"));

    /** PinnedHttp's failure classes (TCP, HTTP, ONVIF, ISAPI) and RTSP's own connect failures. */
    private static final Map<String, String> NET = Map.of(
            "timeout", "超时",
            "connection refused", "连接被拒绝（端口未开放）",
            "unreachable", "网络不可达",
            "TLS handshake failed", "TLS 握手失败",
            "not an HTTP answer", "应答不是 HTTP 协议",
            "connection failed", "连接失败");

    /** Details without figures: whole sentences. Includes the guards' refusals (AddressGuard, the server's OutboundTargets). */
    private static final Map<String, String> EXACT = Map.ofEntries(
            Map.entry("address not allowed", "目标地址不在允许探测的网段内"),
            Map.entry("unknown host", "无法解析主机名"),
            Map.entry("cannot resolve host", "无法解析主机名"),
            Map.entry("not a usable host", "主机地址无效"),
            Map.entry("https required", "必须使用 HTTPS"),
            Map.entry("connected", "已连接"),
            Map.entry("device has no IP address", "设备未配置 IP 地址"),
            Map.entry("not a valid URL", "HTTP 地址格式无效"),
            Map.entry("not a usable URL", "HTTP 地址不可用（须为 HTTP 或 HTTPS 地址）"),
            Map.entry("unexpected answer", "设备的应答无法识别"),
            Map.entry("the stream description has no video", "码流描述（SDP）中没有视频"),
            Map.entry("SETUP answered without a session", "SETUP 应答中缺少会话标识"),
            Map.entry("neither RTP nor RTSP on the stream connection", "码流连接上收到的既不是 RTP 也不是 RTSP 数据"),
            Map.entry("the device closed the stream before any RTP packet", "设备在发出 RTP 数据包之前关闭了码流"),
            Map.entry("the stream broke off before any RTP packet", "收到 RTP 数据包之前码流已中断"),
            Map.entry("RTSP 401 without a Basic or Digest challenge", "设备应答 RTSP 401，但未提供 Basic 或 Digest 认证方式"),
            Map.entry("no media service", "设备未提供 ONVIF 媒体服务"),
            Map.entry("no media profile", "设备没有媒体配置文件"),
            Map.entry("no stream URI for the first profile", "第一个媒体配置文件未返回码流地址"),
            Map.entry("no PTZ service", "设备未提供 ONVIF 云台（PTZ）服务"),
            Map.entry("no media service for the PTZ profile", "设备未提供 ONVIF 媒体服务，无法取得云台配置文件"),
            Map.entry("no media profile with a PTZ configuration", "没有带云台（PTZ）配置的媒体配置文件"),
            Map.entry("the device reports no PTZ position", "设备未报告云台位置"),
            Map.entry("unreadable PTZ position", "云台位置无法解析"),
            Map.entry("interrupted while waiting for the move", "等待云台转动时被中断"),
            Map.entry("no local UDP port", "本机没有可用的 UDP 端口"),
            Map.entry("could not send the request", "SNMP 请求发送失败"),
            Map.entry("no IF-MIB ifTable", "设备不支持 IF-MIB（没有 ifTable）"),
            Map.entry("sysUpTime missing or not TimeTicks", "设备未返回有效的运行时间（sysUpTime）"),
            Map.entry("no UPS-MIB (RFC 1628)", "设备不支持 UPS-MIB（RFC 1628）"),
            Map.entry("no disk", "录像机上没有硬盘"),
            Map.entry("disk without capacity or freeSpace", "硬盘信息中缺少容量或剩余空间"),
            Map.entry("no channel on the recorder", "录像机上没有通道"),
            Map.entry("HTTP 401 after authenticating as the configured user", "使用已配置的账号密码认证后设备仍应答 HTTP 401"),
            Map.entry("HTTP 401 without a challenge", "设备应答 HTTP 401，但未提供认证方式"),
            Map.entry("no Digest challenge offered", "设备未提供 Digest 认证方式"));

    /** SNMPv3 usmStats report names (SnmpSession.USM_STATS_NAMES). */
    private static final Map<String, String> USM = Map.of(
            "unsupported security level", "安全级别不受支持",
            "not in time window", "不在时间窗口内（设备时钟不同步）",
            "unknown user name", "用户名不存在",
            "unknown engine ID", "引擎 ID 未知",
            "wrong digest (authentication password)", "认证密码错误",
            "decryption error (privacy password)", "解密失败（加密密码错误）");

    /** SNMP4J's error status texts (SnmpConstants.SNMP_ERROR_MESSAGES), lower-cased as SnmpSession puts them. */
    private static final Map<String, String> SNMP_ERRORS = Map.ofEntries(
            Map.entry("pdu encoding too big", "应答过大"),
            Map.entry("no such name", "对象不存在"),
            Map.entry("bad value", "取值错误"),
            Map.entry("variable is read-only", "对象只读"),
            Map.entry("general variable binding error", "变量绑定错误"),
            Map.entry("no access", "拒绝访问"),
            Map.entry("wrong type", "类型错误"),
            Map.entry("variable binding data with incorrect length", "数据长度错误"),
            Map.entry("variable binding data with wrong encoding", "数据编码错误"),
            Map.entry("wrong value", "取值错误"),
            Map.entry("unable to create object", "无法创建对象"),
            Map.entry("inconsistent value", "取值不一致"),
            Map.entry("resource unavailable", "资源不可用"),
            Map.entry("commit failed", "提交失败"),
            Map.entry("undo failed", "撤销失败"),
            Map.entry("authorization error", "授权错误"),
            Map.entry("not writable", "不可写"),
            Map.entry("inconsistent naming used", "名称不一致"));

    /** ifOperStatus names (SnmpInterfacesCheck.OPER_STATES) and its "no such port". */
    private static final Map<String, String> PORT_STATES = Map.of(
            "up", "在线",
            "down", "断开",
            "testing", "测试中",
            "unknown", "状态未知",
            "dormant", "休眠",
            "notPresent", "不存在",
            "lowerLayerDown", "下层链路断开",
            "no such port", "无此端口");

    /** upsBatteryStatus names (SnmpUpsCheck.BATTERY). */
    private static final Map<String, String> BATTERY = Map.of(
            "unknown", "未知", "normal", "正常", "low", "电量低", "depleted", "电量耗尽");

    /** upsOutputSource names (SnmpUpsCheck.OUTPUT). */
    private static final Map<String, String> OUTPUT = Map.of(
            "other", "其他", "none", "无输出", "normal", "市电正常", "bypass", "旁路",
            "battery", "电池供电", "booster", "升压", "reducer", "降压");

    /** Hikvision hdd status words; others stay as the recorder sent them (a device fact). */
    private static final Map<String, String> DISK_STATES = Map.ofEntries(
            Map.entry("error", "故障"),
            Map.entry("unformatted", "未格式化"),
            Map.entry("idle", "空闲"),
            Map.entry("mismatch", "不匹配"),
            Map.entry("offline", "离线"),
            Map.entry("smartFailed", "SMART 检测失败"),
            Map.entry("reparing", "修复中"),
            Map.entry("repairing", "修复中"),
            Map.entry("formating", "格式化中"),
            Map.entry("formatting", "格式化中"),
            Map.entry("notexist", "不存在"),
            Map.entry("sleeping", "休眠"),
            Map.entry("abnormal", "异常"));

    /** Hikvision chanDetectResult words; others stay as the recorder sent them. */
    private static final Map<String, String> CHANNEL_STATES = Map.ofEntries(
            Map.entry("connect", "已连接"),
            Map.entry("connecting", "连接中"),
            Map.entry("netUnreachable", "网络不可达"),
            Map.entry("overSysBandwidth", "超出系统带宽"),
            Map.entry("domainError", "域名错误"),
            Map.entry("ipcStreamFail", "取流失败"),
            Map.entry("chanNumLimit", "通道数超限"),
            Map.entry("ipcResolutionMismatch", "分辨率不匹配"),
            Map.entry("ipcStreamTypeNotSupport", "码流类型不支持"),
            Map.entry("userNameOrPasswordError", "用户名或密码错误"),
            Map.entry("invalidUserNameOrPassword", "用户名或密码错误"));

    private record Rule(Pattern pattern, Function<Matcher, String> words) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        // not configured (CheckOutcome.notConfigured, RtspConnection, OnvifOutcomes) and bad settings
        rule("missing: (\\S+) \\(RTSP (\\w+) asks for credentials\\)",
                m -> "未配置：" + field(m.group(1)) + "（设备在 RTSP " + m.group(2) + " 时要求认证）");
        rule("missing: (\\S+) \\(the device asks for credentials\\)", m -> "未配置：" + field(m.group(1)) + "（设备要求认证）");
        rule("missing: (\\S+)", m -> "未配置：" + field(m.group(1)));
        rule("(\\w+) is not a valid URL", m -> field(m.group(1)) + "格式无效");
        rule("(\\w+) is not an rtsp:// URL", m -> field(m.group(1)) + "须以 rtsp:// 开头");
        rule("(\\w+) is not (?:a usable http\\(s\\) URL|an http\\(s\\) URL without credentials)",
                m -> field(m.group(1)) + "须为不含用户名和密码的 HTTP 或 HTTPS 地址");
        rule("param (\\w+) is not a number", m -> "参数 " + m.group(1) + " 不是数字");
        rule("param (\\w+) is not a whole number", m -> "参数 " + m.group(1) + " 不是整数");
        rule("param (\\w+) is not a list of ifIndex numbers", m -> "参数 " + m.group(1) + " 不是端口编号（ifIndex）列表");
        rule("(\\w+) and (\\w+) must be numbers", m -> "参数 " + m.group(1) + " 和 " + m.group(2) + " 必须是数字");
        rule("step must be above 0 and at most 1, settleMillis 0 to (\\d+)",
                m -> "参数 step 须大于 0 且不超过 1，settleMillis 须在 0 到 " + m.group(1) + " 之间");

        // HTTP status answers (HttpCheck, IsapiClient, OnvifClient)
        rule("HTTP (\\d{3})", m -> "设备应答 HTTP " + m.group(1));
        rule("HTTP (\\d{3}) for (/\\S*)", m -> "请求 " + m.group(2) + " 时设备应答 HTTP " + m.group(1));
        rule("HTTP (\\d{3}) for (\\w+)", m -> "ONVIF 操作 " + m.group(2) + " 时设备应答 HTTP " + m.group(1));
        rule("answer to (/\\S*) is not XML", m -> "请求 " + m.group(1) + " 的应答不是 XML");

        // RTSP (RtspStreamCheck, RtspConnection)
        rule("RTSP (\\d{3})", m -> "设备应答 RTSP " + m.group(1));
        rule("RTSP 401 for (\\w+) with the configured credentials",
                m -> "使用已配置的账号密码请求 " + m.group(1) + " 时设备应答 RTSP 401");
        rule("no connection within (\\d+) ms", m -> m.group(1) + " ms 内未能建立连接");
        rule("RTP received after (\\d+) ms(?:, (.+))?",
                m -> "PLAY 后 " + m.group(1) + " ms 收到 RTP 码流" + (m.group(2) == null ? "" : "，编码 " + m.group(2)));
        rule("no RTP packet within (\\d+) ms after PLAY", m -> "PLAY 后 " + m.group(1) + " ms 内未收到 RTP 码流");
        rule("(\\d+) packets on the video channel were not RTP version 2",
                m -> "视频通道上有 " + m.group(1) + " 个数据包不是 RTP 第 2 版");
        rule("no answer to (\\w+) within (\\d+) ms", m -> m.group(1) + " 请求 " + m.group(2) + " ms 内无应答");
        rule("the device closed the connection during (\\w+)", m -> "设备在 " + m.group(1) + " 过程中关闭了连接");
        rule("not an RTSP answer to (\\w+)", m -> m.group(1) + " 的应答不是 RTSP 协议");
        rule("the connection broke during (\\w+)", m -> m.group(1) + " 过程中连接中断");

        // ONVIF (OnvifClient, OnvifMediaCheck, OnvifPtzCheck)
        rule("(" + NET.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|")) + ") \\((\\w+)\\)",
                m -> "ONVIF 操作 " + m.group(2) + "：" + NET.get(m.group(1)));
        rule("SOAP fault NotAuthorized for (\\w+)", m -> "ONVIF 操作 " + m.group(1) + " 被拒绝：SOAP 错误 NotAuthorized（认证失败）");
        rule("SOAP fault (\\S+) for (\\w+)", m -> "ONVIF 操作 " + m.group(2) + " 返回 SOAP 错误 " + m.group(1));
        rule("no (\\w+)Response in the answer", m -> "设备对 ONVIF 操作 " + m.group(1) + " 的应答中缺少 " + m.group(1) + "Response");
        rule("(.*) firmware (.*); (\\d+) profiles?; stream URI returned",
                m -> "设备 " + m.group(1) + "，固件 " + m.group(2) + "；" + m.group(3) + " 个媒体配置文件；已取得码流地址");
        rule("pan (-?[\\d.]+) tilt (-?[\\d.]+) before and (\\d+) ms after a relative move of (-?[\\d.]+)",
                m -> "相对移动 " + m.group(4) + " 后等待 " + m.group(3) + " ms，云台位置未变（水平 " + m.group(1) + "，垂直 "
                        + m.group(2) + "）");
        rule("pan (-?[\\d.]+) -> (-?[\\d.]+) after a relative move of (-?[\\d.]+); (moved back|the move back was refused)",
                m -> "相对移动 " + m.group(3) + " 后云台水平位置由 " + m.group(1) + " 变为 " + m.group(2) + "；"
                        + ("moved back".equals(m.group(4)) ? "已移回原位" : "移回原位的指令被拒绝"));

        // SNMP (SnmpSession, SnmpUptimeCheck, SnmpInterfacesCheck, SnmpUpsCheck)
        rule("no SNMP (v2c|v3) answer within (\\d+) ms, retried once(?: \\((wrong community|wrong privacy password) or no agent\\))?",
                m -> m.group(2) + " ms 内没有 SNMP " + m.group(1) + " 应答（已重试一次）"
                        + (m.group(3) == null ? ""
                                : "wrong community".equals(m.group(3)) ? "，可能是团体名错误或设备未启用 SNMP"
                                        : "，可能是加密密码错误或设备未启用 SNMP"));
        rule("SNMP v3 report: usmStats (\\S+)", m -> "SNMP v3 认证失败：USM 报告 " + m.group(1));
        rule("SNMP v3 report: (.+)", m -> "SNMP v3 认证失败：" + USM.getOrDefault(m.group(1), m.group(1)));
        rule("SNMP report (\\S*)", m -> "设备返回 SNMP 报告 " + m.group(1));
        rule("SNMP error (.+)", m -> "SNMP 错误：" + snmpError(m.group(1)));
        rule("SNMP (No access|Authorization error)", m -> "SNMP " + snmpError(m.group(1)));
        rule("uptime (\\d+)d (\\d+)h (\\d+)m", m -> "已运行 " + m.group(1) + " 天 " + m.group(2) + " 小时 " + m.group(3) + " 分钟");
        rule("(\\d+) ports up", m -> m.group(1) + " 个端口全部在线");
        rule("down: (.+) \\((\\d+) of (\\d+)\\)",
                m -> "断开的端口：" + ports(m.group(1)) + "（共 " + m.group(3) + " 个，" + m.group(2) + " 个断开）");
        rule("battery (status -?\\d+|\\w+), output (status -?\\d+|\\w+)(?:, charge (\\d+) %)?(?:, (\\d+) min left)?",
                m -> "电池" + state(BATTERY, m.group(1)) + "，输出" + state(OUTPUT, m.group(2))
                        + (m.group(3) == null ? "" : "，剩余电量 " + m.group(3) + "%")
                        + (m.group(4) == null ? "" : "，可续航 " + m.group(4) + " 分钟"));

        // ISAPI (IsapiStorageCheck, IsapiRecordingsCheck, IsapiChannelsCheck)
        rule("free ([\\d.]+) GB of ([\\d.]+) GB on (\\d+) disks?; minimum ([\\d.]+) GB",
                m -> m.group(3) + " 块硬盘共 " + m.group(2) + " GB，剩余空间 " + m.group(1) + " GB；要求至少 " + m.group(4) + " GB");
        rule("(disk .+?); (free .+)", m -> {
            String space = words(m.group(2));
            return space == null ? null : disks(m.group(1)) + "；" + space;
        });
        rule("(\\d+) channels, shortest (\\d+) days; minimum (\\d+) days",
                m -> m.group(1) + " 个通道，最短录像 " + m.group(2) + " 天；要求至少 " + m.group(3) + " 天");
        rule("(channel \\d+: .+); minimum (\\d+) days", m -> {
            String spans = recordings(m.group(1));
            return spans == null ? null : spans + "；要求至少 " + m.group(2) + " 天";
        });
        rule("search of track (\\d+) refused", m -> "录像机拒绝检索轨道 " + m.group(1) + " 的录像");
        rule("recording of track (\\d+) without a start time", m -> "轨道 " + m.group(1) + " 的录像缺少开始时间");
        rule("channel (\\d+) not on the recorder", m -> "录像机上没有通道 " + m.group(1));
        rule("1 channel online", m -> "1 个通道在线");
        rule("(\\d+) channels online", m -> m.group(1) + " 个通道全部在线");
        rule("offline: (.+) \\((\\d+) of (\\d+)\\)",
                m -> "离线通道：" + channels(m.group(1)) + "（共 " + m.group(3) + " 个，" + m.group(2) + " 个离线）");
    }

    private DetailWords() {
    }

    /** The detail as a Chinese sentence with the same facts; the reason's label with the raw detail when the format is unknown. */
    public static String zh(CheckKind kind, CheckReason reason, String detail) {
        String label = reason == null ? "" : reasonZh.getOrDefault(reason, reason.name());
        if (detail == null || detail.isBlank()) {
            return label;
        }
        String words;
        try {
            words = words(detail.trim());
        } catch (RuntimeException e) {
            words = null; // a device token that trips a rule still has to read as something
        }
        return words != null ? words : label.isEmpty() ? detail : label + "（" + detail + "）";
    }

    /** The detail as our code wrote it: already English. */
    public static String en(CheckKind kind, CheckReason reason, String detail) {
        return detail;
    }

    /** The Chinese words of a detail whose format has a pattern, or empty (tests: every known format must have one). */
    static Optional<String> matched(String detail) {
        return Optional.ofNullable(detail == null ? null : words(detail.trim()));
    }

    private static String words(String detail) {
        String exact = EXACT.get(detail);
        if (exact != null) {
            return exact;
        }
        String net = NET.get(detail);
        if (net != null) {
            return net;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern.matcher(detail);
            if (m.matches()) {
                String words = rule.words.apply(m);
                if (words != null) {
                    return words;
                }
            }
        }
        return null;
    }

    private static void rule(String regex, Function<Matcher, String> words) {
        RULES.add(new Rule(Pattern.compile(regex), words));
    }

    private static String field(String name) {
        if (name.startsWith("recorder.")) {
            String own = field(name.substring("recorder.".length()));
            return "所属录像机的" + (own.isEmpty() || own.charAt(0) < 0x80 ? " " : "") + own;
        }
        return FIELDS.getOrDefault(name, name);
    }

    private static String state(Map<String, String> names, String value) {
        if (value.startsWith("status ")) {
            return "状态码 " + value.substring("status ".length());
        }
        return names.getOrDefault(value, value);
    }

    private static String snmpError(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("unknown error: ")) {
            return "未知错误 " + text.substring("unknown error: ".length());
        }
        return SNMP_ERRORS.getOrDefault(lower, text);
    }

    private static final Pattern PORT = Pattern.compile("(\\d+)(?: ([^,()]*?))? \\((no such port|status -?\\d+|[A-Za-z]+)\\)(?:, |$)");

    /** "3 GigabitEthernet1/0/3 (down), 5 (no such port)": ifIndex, ifDescr (a device fact) and the state in words. */
    private static String ports(String list) {
        List<String> out = new ArrayList<>();
        Matcher m = PORT.matcher(list);
        int end = 0;
        while (m.find() && m.start() == end) {
            out.add("端口 " + m.group(1) + (m.group(2) == null ? "" : " " + m.group(2)) + "（" + state(PORT_STATES, m.group(3)) + "）");
            end = m.end();
        }
        // an ifDescr with commas or brackets defeats the split: keep the list as the switch named it
        return end == list.length() ? String.join("、", out) : list;
    }

    private static final Pattern DISK = Pattern.compile("disk (\\S+) (.+)");

    /** "disk 1 error, disk 2 smartFailed". */
    private static String disks(String list) {
        List<String> out = new ArrayList<>();
        for (String item : list.split(", ")) {
            Matcher m = DISK.matcher(item);
            if (!m.matches()) {
                return list;
            }
            String words = DISK_STATES.get(m.group(2));
            out.add("硬盘 " + m.group(1) + (words != null ? " " + words : " 状态 " + m.group(2)));
        }
        return String.join("、", out);
    }

    private static final Pattern SPAN = Pattern.compile("channel (\\d+): (?:(\\d+) days|(no recordings))");

    /** "channel 3: 12 days, channel 5: no recordings"; null when an item has another shape. */
    private static String recordings(String list) {
        List<String> out = new ArrayList<>();
        for (String item : list.split(", ")) {
            Matcher m = SPAN.matcher(item);
            if (!m.matches()) {
                return null;
            }
            out.add("通道 " + m.group(1) + (m.group(3) != null ? " 无录像" : " 录像 " + m.group(2) + " 天"));
        }
        return String.join("、", out);
    }

    private static final Pattern CHANNEL = Pattern.compile("channel (\\S+?)(?: \\((\\S+)\\))?");

    /** "channel 3 (netUnreachable), channel 5". */
    private static String channels(String list) {
        List<String> out = new ArrayList<>();
        for (String item : list.split(", ")) {
            Matcher m = CHANNEL.matcher(item);
            if (!m.matches()) {
                return list;
            }
            out.add("通道 " + m.group(1) + (m.group(2) == null ? "" : "（" + CHANNEL_STATES.getOrDefault(m.group(2), m.group(2)) + "）"));
        }
        return String.join("、", out);
    }

    private static <E extends Enum<E>> Map<E, String> enumMap(Class<E> type, Map<E, String> entries) {
        Map<E, String> map = new EnumMap<>(type);
        map.putAll(entries);
        return Collections.unmodifiableMap(map);
    }
}
