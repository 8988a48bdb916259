package com.aftercare.probes.words;

import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckReason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.aftercare.probes.CheckKind.*;
import static com.aftercare.probes.CheckReason.*;
import static org.assertj.core.api.Assertions.assertThat;

class DetailWordsTest {

    /** One detail per format the checks build (taken from the code and the checks' tests), its Chinese, and its fact values. */
    record Example(CheckKind kind, CheckReason reason, String detail, String zh, String... facts) {
    }

    static final List<Example> EXAMPLES = List.of(
            // the guards, the frame every check shares, TCP
            new Example(TCP, NOT_CONFIGURED, "missing: tcpPorts", "未配置：TCP 端口"),
            new Example(TCP, NO_ADDRESS, "device has no IP address", "设备未配置 IP 地址"),
            new Example(TCP, TARGET_REFUSED, "address not allowed", "目标地址不在允许探测的网段内"),
            new Example(TCP, TARGET_REFUSED, "unknown host", "无法解析主机名"),
            new Example(HTTP, TARGET_REFUSED, "cannot resolve host", "无法解析主机名"),
            new Example(HTTP, TARGET_REFUSED, "not a usable host", "主机地址无效"),
            new Example(HTTP, TARGET_REFUSED, "https required", "必须使用 HTTPS"),
            new Example(TCP, OK, "connected", "已连接"),
            new Example(TCP, TIMEOUT, "timeout", "超时"),
            new Example(TCP, CONNECTION_REFUSED, "connection refused", "连接被拒绝（端口未开放）"),
            new Example(TCP, UNREACHABLE, "unreachable", "网络不可达"),
            new Example(HTTP, TLS_FAILED, "TLS handshake failed", "TLS 握手失败"),
            new Example(HTTP, PROTOCOL_ERROR, "not an HTTP answer", "应答不是 HTTP 协议"),
            new Example(TCP, UNREACHABLE, "connection failed", "连接失败"),
            new Example(NVR_STORAGE, PROTOCOL_ERROR, "unexpected answer", "设备的应答无法识别"),
            // HTTP
            new Example(HTTP, NOT_CONFIGURED, "missing: httpUrl", "未配置：HTTP 地址"),
            new Example(HTTP, NOT_CONFIGURED, "not a valid URL", "HTTP 地址格式无效"),
            new Example(HTTP, NOT_CONFIGURED, "not a usable URL", "HTTP 地址不可用（须为 HTTP 或 HTTPS 地址）"),
            new Example(HTTP, OK, "HTTP 200", "设备应答 HTTP 200"),
            new Example(HTTP, BAD_STATUS, "HTTP 503", "设备应答 HTTP 503"),
            // RTSP
            new Example(RTSP_STREAM, NOT_CONFIGURED, "missing: rtspUrl", "未配置：RTSP 地址"),
            new Example(RTSP_STREAM, NOT_CONFIGURED, "rtspUrl is not a valid URL", "RTSP 地址格式无效"),
            new Example(RTSP_STREAM, NOT_CONFIGURED, "rtspUrl is not an rtsp:// URL", "RTSP 地址须以 rtsp:// 开头"),
            new Example(RTSP_STREAM, TIMEOUT, "no connection within 3000 ms", "3000 ms 内未能建立连接"),
            new Example(RTSP_STREAM, OK, "RTP received after 120 ms, H264", "PLAY 后 120 ms 收到 RTP 码流，编码 H264"),
            new Example(RTSP_STREAM, OK, "RTP received after 35 ms", "PLAY 后 35 ms 收到 RTP 码流"),
            new Example(RTSP_STREAM, NO_MEDIA, "the stream description has no video", "码流描述（SDP）中没有视频"),
            new Example(RTSP_STREAM, PROTOCOL_ERROR, "SETUP answered without a session", "SETUP 应答中缺少会话标识"),
            new Example(RTSP_STREAM, PROTOCOL_ERROR, "12 packets on the video channel were not RTP version 2",
                    "视频通道上有 12 个数据包不是 RTP 第 2 版"),
            new Example(RTSP_STREAM, NO_MEDIA, "no RTP packet within 400 ms after PLAY", "PLAY 后 400 ms 内未收到 RTP 码流"),
            new Example(RTSP_STREAM, BAD_STATUS, "RTSP 454", "设备应答 RTSP 454"),
            new Example(RTSP_STREAM, NOT_CONFIGURED, "missing: username (RTSP DESCRIBE asks for credentials)",
                    "未配置：用户名（设备在 RTSP DESCRIBE 时要求认证）"),
            new Example(RTSP_STREAM, PROTOCOL_ERROR, "RTSP 401 without a Basic or Digest challenge",
                    "设备应答 RTSP 401，但未提供 Basic 或 Digest 认证方式"),
            new Example(RTSP_STREAM, AUTH_FAILED, "RTSP 401 for DESCRIBE with the configured credentials",
                    "使用已配置的账号密码请求 DESCRIBE 时设备应答 RTSP 401"),
            new Example(RTSP_STREAM, PROTOCOL_ERROR, "neither RTP nor RTSP on the stream connection",
                    "码流连接上收到的既不是 RTP 也不是 RTSP 数据"),
            new Example(RTSP_STREAM, NO_MEDIA, "the device closed the stream before any RTP packet", "设备在发出 RTP 数据包之前关闭了码流"),
            new Example(RTSP_STREAM, NO_MEDIA, "the stream broke off before any RTP packet", "收到 RTP 数据包之前码流已中断"),
            new Example(RTSP_STREAM, TIMEOUT, "no answer to DESCRIBE within 800 ms", "DESCRIBE 请求 800 ms 内无应答"),
            new Example(RTSP_STREAM, PROTOCOL_ERROR, "the device closed the connection during SETUP", "设备在 SETUP 过程中关闭了连接"),
            new Example(RTSP_STREAM, PROTOCOL_ERROR, "not an RTSP answer to OPTIONS", "OPTIONS 的应答不是 RTSP 协议"),
            new Example(RTSP_STREAM, PROTOCOL_ERROR, "the connection broke during PLAY", "PLAY 过程中连接中断"),
            // ONVIF
            new Example(ONVIF_MEDIA, NOT_CONFIGURED, "missing: onvifUrl", "未配置：ONVIF 地址"),
            new Example(ONVIF_MEDIA, NOT_CONFIGURED, "onvifUrl is not an http(s) URL without credentials",
                    "ONVIF 地址须为不含用户名和密码的 HTTP 或 HTTPS 地址"),
            new Example(ONVIF_MEDIA, NOT_SUPPORTED, "no media service", "设备未提供 ONVIF 媒体服务"),
            new Example(ONVIF_MEDIA, NO_MEDIA, "no media profile", "设备没有媒体配置文件"),
            new Example(ONVIF_MEDIA, NO_MEDIA, "no stream URI for the first profile", "第一个媒体配置文件未返回码流地址"),
            new Example(ONVIF_MEDIA, OK, "HIKVISION DS-2DE4425IW-DE firmware V5.6.15 build 200903; 2 profiles; stream URI returned",
                    "设备 HIKVISION DS-2DE4425IW-DE，固件 V5.6.15 build 200903；2 个媒体配置文件；已取得码流地址",
                    "HIKVISION DS-2DE4425IW-DE", "V5.6.15 build 200903"),
            new Example(ONVIF_MEDIA, OK, "AXIS P3245-LV firmware 10.12.153; 1 profile; stream URI returned",
                    "设备 AXIS P3245-LV，固件 10.12.153；1 个媒体配置文件；已取得码流地址", "AXIS P3245-LV"),
            new Example(ONVIF_MEDIA, NOT_CONFIGURED, "missing: username (the device asks for credentials)", "未配置：用户名（设备要求认证）"),
            new Example(ONVIF_MEDIA, TIMEOUT, "timeout (GetSystemDateAndTime)", "ONVIF 操作 GetSystemDateAndTime：超时",
                    "GetSystemDateAndTime"),
            new Example(ONVIF_MEDIA, CONNECTION_REFUSED, "connection refused (GetDeviceInformation)",
                    "ONVIF 操作 GetDeviceInformation：连接被拒绝（端口未开放）", "GetDeviceInformation"),
            new Example(ONVIF_MEDIA, AUTH_FAILED, "SOAP fault NotAuthorized for GetDeviceInformation",
                    "ONVIF 操作 GetDeviceInformation 被拒绝：SOAP 错误 NotAuthorized（认证失败）", "GetDeviceInformation", "NotAuthorized"),
            new Example(ONVIF_PTZ, BAD_STATUS, "SOAP fault ActionNotSupported for GetStatus",
                    "ONVIF 操作 GetStatus 返回 SOAP 错误 ActionNotSupported", "GetStatus", "ActionNotSupported"),
            new Example(ONVIF_MEDIA, AUTH_FAILED, "HTTP 401 for GetProfiles", "ONVIF 操作 GetProfiles 时设备应答 HTTP 401", "GetProfiles"),
            new Example(ONVIF_MEDIA, BAD_STATUS, "HTTP 404 for GetDeviceInformation", "ONVIF 操作 GetDeviceInformation 时设备应答 HTTP 404",
                    "GetDeviceInformation"),
            new Example(ONVIF_MEDIA, PROTOCOL_ERROR, "no GetProfilesResponse in the answer",
                    "设备对 ONVIF 操作 GetProfiles 的应答中缺少 GetProfilesResponse", "GetProfilesResponse", "GetProfiles"),
            new Example(ONVIF_PTZ, NOT_CONFIGURED, "step and settleMillis must be numbers", "参数 step 和 settleMillis 必须是数字",
                    "step", "settleMillis"),
            new Example(ONVIF_PTZ, NOT_CONFIGURED, "step must be above 0 and at most 1, settleMillis 0 to 30000",
                    "参数 step 须大于 0 且不超过 1，settleMillis 须在 0 到 30000 之间", "step", "settleMillis"),
            new Example(ONVIF_PTZ, NOT_SUPPORTED, "no PTZ service", "设备未提供 ONVIF 云台（PTZ）服务"),
            new Example(ONVIF_PTZ, NOT_SUPPORTED, "no media service for the PTZ profile", "设备未提供 ONVIF 媒体服务，无法取得云台配置文件"),
            new Example(ONVIF_PTZ, NOT_SUPPORTED, "no media profile with a PTZ configuration", "没有带云台（PTZ）配置的媒体配置文件"),
            new Example(ONVIF_PTZ, NOT_SUPPORTED, "the device reports no PTZ position", "设备未报告云台位置"),
            new Example(ONVIF_PTZ, PROTOCOL_ERROR, "unreadable PTZ position", "云台位置无法解析"),
            new Example(ONVIF_PTZ, TIMEOUT, "interrupted while waiting for the move", "等待云台转动时被中断"),
            new Example(ONVIF_PTZ, PTZ_DID_NOT_MOVE, "pan 0.100 tilt 0.500 before and 200 ms after a relative move of 0.050",
                    "相对移动 0.050 后等待 200 ms，云台位置未变（水平 0.100，垂直 0.500）"),
            new Example(ONVIF_PTZ, OK, "pan 0.100 -> 0.150 after a relative move of 0.050; moved back",
                    "相对移动 0.050 后云台水平位置由 0.100 变为 0.150；已移回原位"),
            new Example(ONVIF_PTZ, OK, "pan 0.980 -> 0.930 after a relative move of -0.050; the move back was refused",
                    "相对移动 -0.050 后云台水平位置由 0.980 变为 0.930；移回原位的指令被拒绝"),
            // SNMP
            new Example(SNMP_UPTIME, NOT_CONFIGURED, "missing: host", "未配置：IP 地址"),
            new Example(SNMP_UPTIME, NOT_CONFIGURED, "missing: snmp", "未配置：SNMP 参数"),
            new Example(SNMP_UPTIME, NOT_CONFIGURED, "missing: snmp.community", "未配置：SNMP 团体名"),
            new Example(SNMP_UPTIME, NOT_CONFIGURED, "missing: snmp.authPassword", "未配置：SNMP 认证密码（至少 8 个字符）"),
            new Example(SNMP_UPTIME, NOT_CONFIGURED, "missing: snmp.privProtocol", "未配置：SNMP 加密协议（AES/AES256/DES）"),
            new Example(SNMP_INTERFACES, NOT_CONFIGURED, "param ports is not a list of ifIndex numbers",
                    "参数 ports 不是端口编号（ifIndex）列表", "ports"),
            new Example(SNMP_UPTIME, UNREACHABLE, "no local UDP port", "本机没有可用的 UDP 端口"),
            new Example(SNMP_UPTIME, UNREACHABLE, "could not send the request", "SNMP 请求发送失败"),
            new Example(SNMP_UPTIME, TIMEOUT, "no SNMP v2c answer within 1500 ms, retried once (wrong community or no agent)",
                    "1500 ms 内没有 SNMP v2c 应答（已重试一次），可能是团体名错误或设备未启用 SNMP"),
            new Example(SNMP_UPTIME, TIMEOUT, "no SNMP v3 answer within 1500 ms, retried once (wrong privacy password or no agent)",
                    "1500 ms 内没有 SNMP v3 应答（已重试一次），可能是加密密码错误或设备未启用 SNMP"),
            new Example(SNMP_UPTIME, TIMEOUT, "no SNMP v3 answer within 2000 ms, retried once", "2000 ms 内没有 SNMP v3 应答（已重试一次）"),
            new Example(SNMP_UPTIME, AUTH_FAILED, "SNMP v3 report: unknown user name", "SNMP v3 认证失败：用户名不存在"),
            new Example(SNMP_UPTIME, AUTH_FAILED, "SNMP v3 report: wrong digest (authentication password)", "SNMP v3 认证失败：认证密码错误"),
            new Example(SNMP_UPTIME, AUTH_FAILED, "SNMP v3 report: not in time window", "SNMP v3 认证失败：不在时间窗口内（设备时钟不同步）"),
            new Example(SNMP_UPTIME, AUTH_FAILED, "SNMP v3 report: unsupported security level", "SNMP v3 认证失败：安全级别不受支持"),
            new Example(SNMP_UPTIME, AUTH_FAILED, "SNMP v3 report: unknown engine ID", "SNMP v3 认证失败：引擎 ID 未知"),
            new Example(SNMP_UPTIME, AUTH_FAILED, "SNMP v3 report: decryption error (privacy password)",
                    "SNMP v3 认证失败：解密失败（加密密码错误）"),
            new Example(SNMP_UPTIME, AUTH_FAILED, "SNMP v3 report: usmStats 1.3.6.1.6.3.15.1.1.9.0",
                    "SNMP v3 认证失败：USM 报告 1.3.6.1.6.3.15.1.1.9.0"),
            new Example(SNMP_UPTIME, PROTOCOL_ERROR, "SNMP report 1.3.6.1.6.3.11.2.1.3.0", "设备返回 SNMP 报告 1.3.6.1.6.3.11.2.1.3.0"),
            new Example(SNMP_UPTIME, AUTH_FAILED, "SNMP No access", "SNMP 拒绝访问"),
            new Example(SNMP_UPTIME, AUTH_FAILED, "SNMP Authorization error", "SNMP 授权错误"),
            new Example(SNMP_UPTIME, BAD_STATUS, "SNMP error no such name", "SNMP 错误：对象不存在"),
            new Example(SNMP_UPTIME, BAD_STATUS, "SNMP error unknown error: 42", "SNMP 错误：未知错误 42"),
            new Example(SNMP_UPTIME, PROTOCOL_ERROR, "sysUpTime missing or not TimeTicks", "设备未返回有效的运行时间（sysUpTime）", "sysUpTime"),
            new Example(SNMP_UPTIME, OK, "uptime 12d 3h 45m", "已运行 12 天 3 小时 45 分钟"),
            new Example(SNMP_INTERFACES, NOT_SUPPORTED, "no IF-MIB ifTable", "设备不支持 IF-MIB（没有 ifTable）", "ifTable"),
            new Example(SNMP_INTERFACES, OK, "2 ports up", "2 个端口全部在线"),
            new Example(SNMP_INTERFACES, INTERFACE_DOWN,
                    "down: 3 GigabitEthernet1/0/3 (down), 5 (no such port), 7 Gi1/0/7 (lowerLayerDown), 9 (status 9) (4 of 24)",
                    "断开的端口：端口 3 GigabitEthernet1/0/3（断开）、端口 5（无此端口）、端口 7 Gi1/0/7（下层链路断开）、端口 9（状态码 9）"
                            + "（共 24 个，4 个断开）", "GigabitEthernet1/0/3", "Gi1/0/7"),
            new Example(SNMP_INTERFACES, INTERFACE_DOWN, "down: 4 (testing), 6 (dormant), 8 (notPresent), 10 (unknown) (4 of 10)",
                    "断开的端口：端口 4（测试中）、端口 6（休眠）、端口 8（不存在）、端口 10（状态未知）（共 10 个，4 个断开）"),
            new Example(SNMP_UPS, NOT_SUPPORTED, "no UPS-MIB (RFC 1628)", "设备不支持 UPS-MIB（RFC 1628）"),
            new Example(SNMP_UPS, OK, "battery normal, output normal, charge 97 %, 42 min left", "电池正常，输出市电正常，剩余电量 97%，可续航 42 分钟"),
            new Example(SNMP_UPS, UPS_ALARM, "battery normal, output battery, charge 97 %, 42 min left",
                    "电池正常，输出电池供电，剩余电量 97%，可续航 42 分钟"),
            new Example(SNMP_UPS, UPS_ALARM, "battery low, output normal", "电池电量低，输出市电正常"),
            new Example(SNMP_UPS, UPS_ALARM, "battery depleted, output bypass, charge 3 %", "电池电量耗尽，输出旁路，剩余电量 3%"),
            new Example(SNMP_UPS, UPS_ALARM, "battery unknown, output none, 5 min left", "电池未知，输出无输出，可续航 5 分钟"),
            new Example(SNMP_UPS, UPS_ALARM, "battery status 7, output other", "电池状态码 7，输出其他"),
            new Example(SNMP_UPS, UPS_ALARM, "battery normal, output booster", "电池正常，输出升压"),
            new Example(SNMP_UPS, UPS_ALARM, "battery normal, output reducer", "电池正常，输出降压"),
            // ISAPI
            new Example(NVR_STORAGE, NOT_CONFIGURED, "missing: isapiUrl", "未配置：ISAPI 地址"),
            new Example(NVR_CHANNELS, NOT_CONFIGURED, "missing: channel", "未配置：通道号"),
            new Example(NVR_CHANNELS, NOT_CONFIGURED, "missing: recorder.isapiUrl", "未配置：所属录像机的 ISAPI 地址"),
            new Example(NVR_CHANNELS, NOT_CONFIGURED, "missing: recorder.username", "未配置：所属录像机的用户名"),
            new Example(NVR_STORAGE, NOT_CONFIGURED, "missing: password", "未配置：密码"),
            new Example(NVR_STORAGE, NOT_CONFIGURED, "isapiUrl is not a valid URL", "ISAPI 地址格式无效"),
            new Example(NVR_STORAGE, NOT_CONFIGURED, "isapiUrl is not a usable http(s) URL", "ISAPI 地址须为不含用户名和密码的 HTTP 或 HTTPS 地址"),
            new Example(NVR_STORAGE, NOT_CONFIGURED, "param minFreeGb is not a number", "参数 minFreeGb 不是数字", "minFreeGb"),
            new Example(NVR_STORAGE, DISK_FAULT, "no disk", "录像机上没有硬盘"),
            new Example(NVR_STORAGE, PROTOCOL_ERROR, "disk without capacity or freeSpace", "硬盘信息中缺少容量或剩余空间"),
            new Example(NVR_STORAGE, LOW_FREE_SPACE, "free 0.5 GB of 3726.0 GB on 1 disk; minimum 1.0 GB",
                    "1 块硬盘共 3726.0 GB，剩余空间 0.5 GB；要求至少 1.0 GB"),
            new Example(NVR_STORAGE, OK, "free 1280.0 GB of 7452.0 GB on 2 disks; minimum 1.0 GB",
                    "2 块硬盘共 7452.0 GB，剩余空间 1280.0 GB；要求至少 1.0 GB"),
            new Example(NVR_STORAGE, DISK_FAULT, "disk 2 error; free 512.0 GB of 3726.0 GB on 2 disks; minimum 1.0 GB",
                    "硬盘 2 故障；2 块硬盘共 3726.0 GB，剩余空间 512.0 GB；要求至少 1.0 GB"),
            new Example(NVR_STORAGE, DISK_FAULT, "disk 1 unformatted, disk 3 smartFailed, disk 4 weird; free 0.0 GB of 11178.0 GB on 4 disks; "
                    + "minimum 1.0 GB", "硬盘 1 未格式化、硬盘 3 SMART 检测失败、硬盘 4 状态 weird；4 块硬盘共 11178.0 GB，剩余空间 0.0 GB；要求至少 1.0 GB",
                    "weird"),
            new Example(NVR_RECORDINGS, NOT_CONFIGURED, "param minDays is not a whole number", "参数 minDays 不是整数", "minDays"),
            new Example(NVR_RECORDINGS, SHORT_RECORDINGS, "no channel on the recorder", "录像机上没有通道"),
            new Example(NVR_RECORDINGS, SHORT_RECORDINGS, "channel 3: 59 days; minimum 60 days", "通道 3 录像 59 天；要求至少 60 天"),
            new Example(NVR_RECORDINGS, SHORT_RECORDINGS, "channel 4: no recordings; minimum 60 days", "通道 4 无录像；要求至少 60 天"),
            new Example(NVR_RECORDINGS, SHORT_RECORDINGS, "channel 3: 12 days, channel 5: no recordings; minimum 30 days",
                    "通道 3 录像 12 天、通道 5 无录像；要求至少 30 天"),
            new Example(NVR_RECORDINGS, OK, "channel 2: 60 days; minimum 60 days", "通道 2 录像 60 天；要求至少 60 天"),
            new Example(NVR_RECORDINGS, OK, "3 channels, shortest 59 days; minimum 30 days", "3 个通道，最短录像 59 天；要求至少 30 天"),
            new Example(NVR_RECORDINGS, BAD_STATUS, "search of track 301 refused", "录像机拒绝检索轨道 301 的录像"),
            new Example(NVR_RECORDINGS, PROTOCOL_ERROR, "recording of track 301 without a start time", "轨道 301 的录像缺少开始时间"),
            new Example(NVR_CHANNELS, CHANNEL_OFFLINE, "channel 7 not on the recorder", "录像机上没有通道 7"),
            new Example(NVR_CHANNELS, OK, "1 channel online", "1 个通道在线"),
            new Example(NVR_CHANNELS, OK, "3 channels online", "3 个通道全部在线"),
            new Example(NVR_CHANNELS, CHANNEL_OFFLINE, "offline: channel 3 (netUnreachable) (1 of 3)", "离线通道：通道 3（网络不可达）（共 3 个，1 个离线）"),
            new Example(NVR_CHANNELS, CHANNEL_OFFLINE, "offline: channel 3 (netUnreachable), channel 5, channel 9 (oddWord) (3 of 16)",
                    "离线通道：通道 3（网络不可达）、通道 5、通道 9（oddWord）（共 16 个，3 个离线）", "oddWord"),
            new Example(NVR_CHANNELS, AUTH_FAILED, "HTTP 401 after authenticating as the configured user", "使用已配置的账号密码认证后设备仍应答 HTTP 401"),
            new Example(NVR_CHANNELS, AUTH_FAILED, "HTTP 401 without a challenge", "设备应答 HTTP 401，但未提供认证方式"),
            new Example(NVR_CHANNELS, AUTH_FAILED, "no Digest challenge offered", "设备未提供 Digest 认证方式"),
            new Example(NVR_STORAGE, NOT_SUPPORTED, "HTTP 403 for /ISAPI/ContentMgmt/Storage/hdd",
                    "请求 /ISAPI/ContentMgmt/Storage/hdd 时设备应答 HTTP 403", "/ISAPI/ContentMgmt/Storage/hdd"),
            new Example(NVR_STORAGE, BAD_STATUS, "HTTP 500 for /ISAPI/ContentMgmt/search", "请求 /ISAPI/ContentMgmt/search 时设备应答 HTTP 500",
                    "/ISAPI/ContentMgmt/search"),
            new Example(NVR_STORAGE, PROTOCOL_ERROR, "answer to /ISAPI/ContentMgmt/InputProxy/channels/status is not XML",
                    "请求 /ISAPI/ContentMgmt/InputProxy/channels/status 的应答不是 XML", "/ISAPI/ContentMgmt/InputProxy/channels/status"));

    /** Words a Chinese integrator reads as they are: units, protocols, RTSP methods, auth schemes, MIB object names. */
    static final Set<String> ALLOWED = Set.of("RTSP", "RTP", "HTTP", "HTTPS", "TCP", "UDP", "SNMP", "ONVIF", "PTZ", "NVR", "UPS",
            "ISAPI", "H264", "H265", "TLS", "SDP", "SOAP", "XML", "MIB", "RFC", "USM", "SMART", "V2C", "SHA", "SHA256", "AES", "AES256", "DES",
            "BASIC", "DIGEST", "OPTIONS", "DESCRIBE", "SETUP", "PLAY", "TEARDOWN", "IFINDEX", "IFTABLE");

    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]{2,}");

    @Test
    void everyFormatReadsAsTheExactChineseSentence() {
        for (Example e : EXAMPLES) {
            assertThat(DetailWords.zh(e.kind(), e.reason(), e.detail())).as(e.detail()).isEqualTo(e.zh());
            assertThat(DetailWords.matched(e.detail())).as("pattern for " + e.detail()).contains(e.zh());
        }
    }

    @Test
    void noChineseSentenceCarriesAnEnglishWordBesidesTheFactsAndProtocolNames() {
        for (Example e : EXAMPLES) {
            String text = DetailWords.zh(e.kind(), e.reason(), e.detail());
            for (String fact : e.facts()) {
                text = text.replace(fact, " ");
            }
            Matcher m = ENGLISH_WORD.matcher(text);
            while (m.find()) {
                assertThat(ALLOWED).as("English word in the Chinese of \"" + e.detail() + "\"")
                        .contains(m.group().toUpperCase(Locale.ROOT));
            }
        }
    }

    @Test
    void theFactsStayAsTheyAre() {
        for (Example e : EXAMPLES) {
            String zh = DetailWords.zh(e.kind(), e.reason(), e.detail());
            Matcher numbers = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(e.detail());
            while (numbers.find()) {
                assertThat(zh).as("figure " + numbers.group() + " of " + e.detail()).contains(numbers.group());
            }
            for (String fact : e.facts()) {
                assertThat(zh).contains(fact);
            }
        }
    }

    @Test
    void anUnknownFormatReadsAsTheReasonWithTheRawDetail() {
        assertThat(DetailWords.zh(TCP, TIMEOUT, "something new 42")).isEqualTo("超时（something new 42）");
        assertThat(DetailWords.zh(NVR_STORAGE, LOW_FREE_SPACE, "free lots of space")).isEqualTo("硬盘剩余空间不足（free lots of space）");
        assertThat(DetailWords.zh(TCP, TIMEOUT, null)).isEqualTo("超时");
        assertThat(DetailWords.zh(TCP, OK, "")).isEqualTo("正常");
        assertThat(DetailWords.zh(TCP, null, "odd")).isEqualTo("odd");
        assertThat(DetailWords.matched("something new 42")).isEmpty();
        // half-known shapes do not throw and keep the device's words
        assertThat(DetailWords.zh(NVR_RECORDINGS, SHORT_RECORDINGS, "channel x: many; minimum 30 days"))
                .isEqualTo("录像天数不足（channel x: many; minimum 30 days）");
        assertThat(DetailWords.zh(SNMP_INTERFACES, INTERFACE_DOWN, "down: 3 Port (a, b) (down) (1 of 2)"))
                .isEqualTo("断开的端口：3 Port (a, b) (down)（共 2 个，1 个断开）");
    }

    @Test
    void englishIsTheDetailUnchanged() {
        for (Example e : EXAMPLES) {
            assertThat(DetailWords.en(e.kind(), e.reason(), e.detail())).isEqualTo(e.detail());
        }
    }

    @Test
    void everyKindAndReasonHasAChineseLabel() {
        for (CheckKind kind : CheckKind.values()) {
            assertThat(DetailWords.kindZh.get(kind)).as(kind.name()).isNotEqualTo(kind.name()).containsPattern("\\p{IsHan}");
        }
        for (CheckReason reason : CheckReason.values()) {
            assertThat(DetailWords.reasonZh.get(reason)).as(reason.name()).isNotEqualTo(reason.name()).containsPattern("\\p{IsHan}");
        }
        assertThat(DetailWords.kindZh.get(NVR_STORAGE)).isEqualTo("录像机硬盘");
        assertThat(DetailWords.reasonZh.get(CHANNEL_OFFLINE)).isEqualTo("通道离线");
    }

    // ---- a new detail format without a pattern fails here ----

    /** Calls that take or build a detail, and the statements that assemble one from pieces. */
    private static final Pattern DETAIL_SITE = Pattern.compile(
            "CheckOutcome\\.(?:fail|pass|notConfigured)\\s*\\(|new\\s+(?:\\w+\\.)?\\w*Failure\\s*\\(|failAuth\\s*\\(|new\\s+(?:AddressGuard\\.)?RefusedTarget\\s*\\("
                    + "|\\b(?:faults|short_|offline|down|facts)\\.add\\s*\\(|\\bString\\s+(?:detail|space|what|state|name)\\s*=|\\bback\\s*="
                    // the device's codes in words: ifOperStatus, upsBatteryStatus, upsOutputSource, usmStats reports
                    + "|\\b(?:OPER_STATES|BATTERY|OUTPUT|USM_STATS_NAMES)\\s*=");

    /** Literals in those places that are not detail text, each with its reason. */
    private static final Set<String> NOT_DETAILS = Set.of(
            // element names of GetDeviceInformationResponse: what the camera sent under them is the fact in the detail
            "Manufacturer", "Model", "FirmwareVersion");

    @Test
    void everyDetailLiteralInTheChecksIsCoveredByAnExample() throws IOException {
        Path main = Path.of("src/main/java/com/aftercare/probes");
        assertThat(main).isDirectory();
        Set<String> uncovered = new TreeSet<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/words/")).toList()) {
                for (String literal : detailLiterals(Files.readString(file))) {
                    seen++;
                    if (!NOT_DETAILS.contains(literal) && !covered(literal)) {
                        uncovered.add(file.getFileName() + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(seen).as("detail literals found (the scan must see the checks)").isGreaterThan(80);
        assertThat(uncovered).as("detail literals no example (and so maybe no pattern) covers; add an example and a pattern to DetailWords")
                .isEmpty();
    }

    @Test
    void theScanSeesALiteralInANewDetail() {
        List<String> found = detailLiterals("class X { Object o = CheckOutcome.fail(kind(), t, CheckReason.TIMEOUT,\n"
                + "  \"brand new \" + n + \" words\", 0); // \"in a comment\"\n String s = \"not a detail\"; }");
        assertThat(found).containsExactly("brand new ", " words");
        assertThat(covered("brand new ")).isFalse();
        assertThat(covered(" GB of ")).isTrue();
        assertThat(covered("pan %.3f -> %.3f after a relative move of %.3f; %s")).isTrue();
    }

    /** A literal is covered when each of its fixed pieces (between format specifiers) occurs in some example's detail. */
    static boolean covered(String literal) {
        for (String piece : literal.split("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z]")) {
            if (!piece.matches("(?s).*[A-Za-z].*")) {
                continue;
            }
            if (EXAMPLES.stream().noneMatch(e -> e.detail().contains(piece))) {
                return false;
            }
        }
        return true;
    }

    /** Each word of the device-code tables, put in its detail, reads as Chinese: a renamed or new word needs a translation. */
    @Test
    void everyWordOfTheStateTablesIsTranslated() throws IOException {
        Path snmp = Path.of("src/main/java/com/aftercare/probes/snmp");
        Map<String, java.util.function.Function<String, String>> tables = Map.of(
                "OPER_STATES", w -> "down: 1 (" + w + ") (1 of 1)",
                "BATTERY", w -> "battery " + w + ", output normal",
                "OUTPUT", w -> "battery normal, output " + w,
                "USM_STATS_NAMES", w -> "SNMP v3 report: " + w);
        int words = 0;
        for (Map.Entry<String, java.util.function.Function<String, String>> table : tables.entrySet()) {
            Pattern site = Pattern.compile("\\b" + table.getKey() + "\\s*=");
            for (Path file : List.of(snmp.resolve("SnmpInterfacesCheck.java"), snmp.resolve("SnmpUpsCheck.java"),
                    snmp.resolve("SnmpSession.java"))) {
                for (String word : literalsAt(Files.readString(file), site)) {
                    if (word.isEmpty() || word.matches("[\\d.]+")) {
                        continue; // index 0 placeholders and the usmStats OIDs
                    }
                    words++;
                    String detail = table.getValue().apply(word);
                    assertThat(DetailWords.matched(detail)).as(detail).isPresent();
                    assertThat(DetailWords.matched(detail).orElseThrow()).as(detail).doesNotContain(word);
                }
            }
        }
        assertThat(words).as("table words found").isEqualTo(7 + 4 + 7 + 6);
    }

    /** The string literals inside detail sites of one source file; comments and text blocks skipped. */
    static List<String> detailLiterals(String source) {
        return literalsAt(source, DETAIL_SITE);
    }

    static List<String> literalsAt(String source, Pattern sites) {
        // blank out comments and literals so parentheses can be balanced; remember where each literal was
        StringBuilder code = new StringBuilder(source);
        List<int[]> spans = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                blank(code, i, end);
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2) + 2;
                blank(code, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3) + 3;
                blank(code, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                StringBuilder text = new StringBuilder();
                while (source.charAt(j) != c) {
                    if (source.charAt(j) == '\\') {
                        j++;
                    }
                    text.append(source.charAt(j));
                    j++;
                }
                blank(code, i, j + 1);
                if (c == '"') {
                    spans.add(new int[] { i, j + 1 });
                    texts.add(text.toString());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        List<String> out = new ArrayList<>();
        Matcher site = sites.matcher(code);
        while (site.find()) {
            int end = siteEnd(code, site.start(), site.group().endsWith("(") ? site.end() : -1);
            for (int k = 0; k < spans.size(); k++) {
                if (spans.get(k)[0] >= site.start() && spans.get(k)[1] <= end) {
                    out.add(texts.get(k));
                }
            }
        }
        return out;
    }

    /** The end of a call (its closing parenthesis) or, for an assignment, of the statement. */
    private static int siteEnd(CharSequence code, int start, int afterOpen) {
        if (afterOpen < 0) {
            int depth = 0;
            for (int i = start; i < code.length(); i++) {
                char c = code.charAt(i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c == ';' && depth == 0) {
                    return i;
                }
            }
            return code.length();
        }
        int depth = 1;
        for (int i = afterOpen; i < code.length(); i++) {
            char c = code.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    private static void blank(StringBuilder code, int from, int to) {
        for (int i = from; i < to && i < code.length(); i++) {
            if (code.charAt(i) != '\n') {
                code.setCharAt(i, ' ');
            }
        }
    }
}
