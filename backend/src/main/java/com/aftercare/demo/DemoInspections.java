package com.aftercare.demo;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.asset.DeviceType;
import com.aftercare.inspection.InspectionCycle;
import com.aftercare.inspection.MarkSiteHazards;
import com.aftercare.inspection.OpenDueInspections;
import com.aftercare.inspection.ReadInspections;
import com.aftercare.inspection.SaveInspectionPlan;
import com.aftercare.inspection.SaveInspectionPlan.ItemCommand;

/**
 * Demo preventive inspections (issue 16): the demo customer's monthly maintenance plan (cameras, recorders, switches,
 * UPS; the online checks by device probe) and weekly video patrol, each with this window's inspection open and due,
 * and the county station marked lightning-prone for the desk's weather inspection. Runs after {@link DemoData} made
 * the customer.
 */
@Component
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoInspections {

    private final AssetService assets;
    private final SaveInspectionPlan savePlan;
    private final ReadInspections read;
    private final OpenDueInspections openDue;
    private final MarkSiteHazards markHazards;

    DemoInspections(AssetService assets, SaveInspectionPlan savePlan, ReadInspections read, OpenDueInspections openDue,
            MarkSiteHazards markHazards) {
        this.assets = assets;
        this.savePlan = savePlan;
        this.read = read;
        this.openDue = openDue;
        this.markHazards = markHazards;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void load() {
        Customer customer = DemoData.demoCustomer(assets).orElse(null);
        if (customer == null || !read.plans().isEmpty()) {
            return;
        }
        savePlan.create(new SaveInspectionPlan.PlanCommand(customer.getId(), null, "示范市视频监控系统月度保养",
                InspectionCycle.MONTHLY, true, List.of(
                        new ItemCommand(DeviceType.CAMERA, "设备在线、图像正常", "设备自动检测", true),
                        new ItemCommand(DeviceType.CAMERA, "镜头及防护罩清洁", "目视检查，必要时擦拭", false),
                        new ItemCommand(DeviceType.CAMERA, "立杆、支架及接地牢固", "目视及手动检查", false),
                        new ItemCommand(DeviceType.NVR, "硬盘状态及录像完整", "查看录像机存储及回放", false),
                        new ItemCommand(DeviceType.SWITCH, "设备在线、端口指示灯正常", "设备自动检测", true),
                        new ItemCommand(DeviceType.UPS, "UPS 电池及负载", "查看面板告警与负载率", false)),
                null));
        savePlan.create(new SaveInspectionPlan.PlanCommand(customer.getId(), null, "每周视频巡检（全部通道）",
                InspectionCycle.WEEKLY, true, List.of(new ItemCommand(DeviceType.CAMERA, "通道图像清晰、无遮挡", "视频平台逐路查看", false)),
                null));
        openDue.openDue();
        assets.sites().stream().filter(s -> s.getName().equals(DemoData.COUNTY_SITE)).findFirst()
                .ifPresent(s -> markHazards.mark(s.getId(), true, false));
    }
}
