package com.aftercare.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.aftercare.identity.Role;
import com.aftercare.stock.Actor;
import com.aftercare.stock.AddPart;
import com.aftercare.stock.AddWarehouse;
import com.aftercare.stock.DecideRequisition;
import com.aftercare.stock.IssueParts;
import com.aftercare.stock.ReadStock;
import com.aftercare.stock.ReceiveStock;
import com.aftercare.stock.WarnOfStaleStock;
import com.aftercare.stock.RequestParts;
import com.aftercare.stock.TransferParts;

/**
 * Demo spare parts (FW-6), once, into an empty stock: the service point's store with four parts, one brought to its
 * alarm level by an issued requisition (the supervisors find the notification), one with a batch older than two
 * months (the stale-stock warning, and last month's written warning), one requisition waiting for the supervisor and two
 * cameras in transit to the county point (SP-02).
 */
@Component
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoStock {

    private static final Logger log = LoggerFactory.getLogger(DemoStock.class);
    private static final Actor KEEPER = new Actor("admin", Set.of(Role.ADMIN));
    private static final Actor SUPERVISOR = new Actor("supervisor", Set.of(Role.SUPERVISOR));
    private static final Actor ENGINEER = new Actor("engineer", Set.of(Role.ENGINEER));

    private final ReadStock read;
    private final AddWarehouse addWarehouse;
    private final AddPart addPart;
    private final ReceiveStock receive;
    private final RequestParts request;
    private final DecideRequisition decide;
    private final IssueParts issue;
    private final Clock clock;
    private final WarnOfStaleStock warnOfStaleStock;
    private final TransferParts transfer;

    DemoStock(ReadStock read, AddWarehouse addWarehouse, AddPart addPart, ReceiveStock receive, RequestParts request,
            DecideRequisition decide, IssueParts issue, Clock clock, WarnOfStaleStock warnOfStaleStock,
            TransferParts transfer) {
        this.transfer = transfer;
        this.warnOfStaleStock = warnOfStaleStock;
        this.read = read;
        this.addWarehouse = addWarehouse;
        this.addPart = addPart;
        this.receive = receive;
        this.request = request;
        this.decide = decide;
        this.issue = issue;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (!read.warehouses(KEEPER).isEmpty()) {
            return;
        }
        long store = addWarehouse.add(KEEPER, new AddWarehouse.NewWarehouse("SP-01", "市区服务点备件库"));
        long county = addWarehouse.add(KEEPER, new AddWarehouse.NewWarehouse("SP-02", "县区服务点备件库"));
        long camera = addPart.add(KEEPER, new AddPart.NewPart("DS-2CD3T47", "网络摄像机", "400万像素枪机", "台", 2));
        long psu = addPart.add(KEEPER, new AddPart.NewPart("PSU-12V2A", "电源适配器", "12V 2A", "个", 3));
        long disk = addPart.add(KEEPER, new AddPart.NewPart("HDD-4T", "监控硬盘", "4TB SATA", "块", 1));
        long fibre = addPart.add(KEEPER, new AddPart.NewPart("FT-1G", "光纤收发器", "千兆 SFP", "对", 2));
        receive.receive(KEEPER, receipt(camera, store, 5, 20, "1250.00"));
        receive.receive(KEEPER, receipt(psu, store, 5, 12, "35.00"));
        receive.receive(KEEPER, receipt(disk, store, 4, 75, "620.00")); // older than two months: stale
        receive.receive(KEEPER, receipt(disk, store, 2, 5, "600.00"));
        receive.receive(KEEPER, receipt(fibre, store, 6, 30, null));
        // two adapters issued for a repair take the part to its alarm level (3): the supervisors are told
        long issued = request.request(ENGINEER, new RequestParts.PartRequest(psu, store, 2, null, "3号路口摄像机 C-03 电源更换"));
        decide.decide(SUPERVISOR, issued, new DecideRequisition.RequisitionDecision(true, null));
        issue.issue(KEEPER, issued);
        // one waiting for the supervisor
        request.request(ENGINEER, new RequestParts.PartRequest(fibre, store, 1, null, "县区链路 SW-02 光纤收发器更换"));
        // two cameras on their way to the county point (调拨, in transit until its keeper receives them)
        transfer.ship(KEEPER, new TransferParts.NewTransfer(camera, store, county, 2, "县区服务点备机补充"));
        // last month's written warning, as stale-stock-warning.bpmn wrote it at that month's end: the stale disks
        warnOfStaleStock.write(YearMonth.now(clock).minusMonths(1));
        log.info("Demo spare parts loaded: stores SP-01 and SP-02 (two cameras in transit to it), PSU-12V2A at its alarm level, a stale HDD-4T batch and last month's warning");
    }

    private ReceiveStock.Receipt receipt(long part, long store, int quantity, int daysAgo, String cost) {
        return new ReceiveStock.Receipt(part, store, quantity, LocalDate.now(clock).minusDays(daysAgo),
                cost == null ? null : new BigDecimal(cost), null);
    }
}
