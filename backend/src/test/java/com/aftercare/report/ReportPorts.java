package com.aftercare.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.aftercare.repair.RepairHistory;
import com.aftercare.repair.RepairRecord;
import com.aftercare.warranty.CaseCost;
import com.aftercare.warranty.CaseCosts;

/**
 * The two ports the reports read, as test doubles the tests fill: their real implementations (repair feature,
 * warranty feature) are on other branches. Only the ports' contracts are used, so these tests hold as they are once
 * the real implementations replace the stand-ins. Both report test classes import this, so they share one context.
 */
@TestConfiguration
class ReportPorts {

    static final List<RepairRecord> REPAIRS = new CopyOnWriteArrayList<>();
    static final Map<Long, CaseCost> COSTS = new ConcurrentHashMap<>();

    @Bean
    @Primary
    RepairHistory repairHistoryDouble() {
        return (from, toExclusive, customerId) -> REPAIRS.stream()
                .filter(r -> !r.sentOn().isBefore(from) && r.sentOn().isBefore(toExclusive))
                .filter(r -> customerId == null || r.customerId() == customerId)
                .sorted(Comparator.comparing(RepairRecord::sentOn)).toList();
    }

    @Bean
    @Primary
    CaseCosts caseCostsDouble() {
        return ticketId -> COSTS.getOrDefault(ticketId, new CaseCost(ticketId, false, null, money("0"), money("0"), money("0")));
    }

    static BigDecimal money(String yuan) {
        return new BigDecimal(yuan).setScale(2);
    }

    /** A slip of the customer's; ticket ids are made up (the reports only pass them to CaseCosts). */
    static RepairRecord slip(long customerId, long ticketId, String slip, String sent, String expected, String returned,
            String outcome, boolean loaner) {
        RepairRecord r = new RepairRecord(ticketId, "T-" + ticketId, customerId, "Customer " + customerId, "东门路口站", 1L,
                "摄像机 C-01", "DS-2CD", "SN-" + slip, "无图像", "海康维修中心", slip, LocalDate.parse(sent),
                expected == null ? null : LocalDate.parse(expected), returned == null ? null : LocalDate.parse(returned),
                outcome, loaner);
        REPAIRS.add(r);
        return r;
    }
}
