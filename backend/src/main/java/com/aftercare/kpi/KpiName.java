package com.aftercare.kpi;

/**
 * The monthly figures of CB-4 and seed 003 (README "KPI dashboard" defines each). A rate is numerator / denominator;
 * the unit says what the two count, so the page and the Excel file can name them.
 */
public enum KpiName {
    /** 用户满意率: closing callbacks scored 4 or 5 / closed cases with a score. */
    SATISFACTION(Unit.CASES),
    /** 周期达标率: closed cases none of whose clocks ended missed / closed cases. */
    CYCLE_COMPLIANCE(Unit.CASES),
    /** 重复服务率: closed cases reopened or flagged as a repeat repair / closed cases. */
    REPEAT_SERVICE(Unit.CASES),
    /** 故障修复及时率: faults whose last resolution was within the resolution limit / faults closed. */
    REPAIR_TIMELINESS(Unit.CASES),
    /** 一线解决率: faults last resolved at the desk / faults closed. */
    FIRST_LINE(Unit.CASES),
    /** 系统可用率: device-minutes without an open fault / device-minutes in service. */
    AVAILABILITY(Unit.DEVICE_MINUTES),
    /** 设备完好率: devices without an open fault at the month's end / devices in service. */
    GOOD_ORDER(Unit.DEVICES);

    public enum Unit { CASES, DEVICE_MINUTES, DEVICES }

    private final Unit unit;

    KpiName(Unit unit) {
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }
}
