package com.aftercare.demo;

import java.util.List;

import com.aftercare.knowledge.ArticleText;

/**
 * The demo's knowledge base (IN-4): real first-line answers for the demo's device types, in Chinese, so that
 * intake suggests an article for a demo symptom (e.g. 「路口摄像头黑屏没有图像」 → the PoE article). Public so a
 * test can rank the same texts the demo ships.
 */
public final class DemoArticles {

    private DemoArticles() {
    }

    public static final List<ArticleText.ArticleInput> ARTICLES = List.of(
            new ArticleText.ArticleInput("摄像机黑屏、无视频图像（PoE 供电）",
                    "摄像机画面黑屏，没有视频图像；录像机上该通道显示“视频丢失”或“网络断开”，摄像机红外灯不亮。",
                    "PoE 交换机端口供电不足或端口被关闭；网线、水晶头松动或进水；摄像机未上电。",
                    "1. 远程登录交换机，查看该端口的 PoE 供电状态和链路灯；2. 指导用户在交换机上重新启用该端口，"
                            + "或把网线换到空闲的 PoE 端口；3. 请现场人员检查网线接头是否松动、进水；"
                            + "4. 5 分钟内仍无图像，派工程师上门检查摄像机电源和网线。",
                    List.of("CAMERA", "SWITCH"), List.of("黑屏", "无图像", "PoE", "供电")),
            new ArticleText.ArticleInput("硬盘录像机报“硬盘错误”，部分时段无录像",
                    "硬盘录像机（NVR）报“硬盘错误”或“硬盘异常”，持续蜂鸣报警；回放时部分时段没有录像。",
                    "硬盘出现坏道或已损坏；录像机异常断电后硬盘文件系统损坏；硬盘数据线、电源线松动。",
                    "1. 远程登录录像机，在“存储管理”中查看各硬盘状态（正常/异常/未格式化）；2. 先关闭报警蜂鸣，"
                            + "导出需要保留的录像；3. 对“未格式化”的新盘执行初始化；4. 状态为“异常”的硬盘需上门更换，"
                            + "更换前确认保修并登记备件领用。",
                    List.of("NVR"), List.of("硬盘", "录像丢失", "蜂鸣")),
            new ArticleText.ArticleInput("交换机端口不通（端口 down），下挂设备全部离线",
                    "交换机某个端口指示灯不亮，端口状态为 down，下挂的摄像机或其他设备全部离线，无法 ping 通。",
                    "光模块或网线故障；端口被人为关闭（shutdown）或因环路被保护关闭；对端设备断电。",
                    "1. 远程登录交换机，执行 display interface 查看端口状态和错误计数；2. 端口被 shutdown 时执行 undo shutdown 恢复；"
                            + "3. 因环路保护关闭的，先排除环路再恢复；4. 光口请现场更换光模块或跳线后再观察链路灯。",
                    List.of("SWITCH"), List.of("端口", "离线", "断网", "光模块")),
            new ArticleText.ArticleInput("UPS 持续报警、电池故障",
                    "UPS 面板报“电池故障”或“电池电压低”，持续蜂鸣；市电断开后设备马上断电。",
                    "蓄电池老化（一般 3–5 年）或电池连接松动；长期处于高温环境。",
                    "1. 远程查看 UPS 状态和电池电压；2. 指导现场人员检查电池连接线；3. 电池已老化的，"
                            + "安排上门更换整组电池，更换前通知用户断电时间。",
                    List.of("UPS"), List.of("电池", "蜂鸣", "断电")));
}
