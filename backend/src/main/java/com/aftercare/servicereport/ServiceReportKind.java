package com.aftercare.servicereport;

/**
 * The reports the contracts promise (RP-1, seeds 000/003: 每日设备服务日志、重大故障维修报告、每月故障总结报告、每季度的设备和系统管理报告、
 * 每季度的系统维护总结报告; 002: the monthly summary by the 5th; 003: 月度、季度、年度总结; and the
 * monthly inspection summary the PM texts ask for, ADR 0051).
 */
public enum ServiceReportKind {
    /** The day's cases: received, worked on, closed; owed the next day. */
    DAILY_LOG,
    /** The month's faults by level and device type with the list; owed by the 5th of the next month. */
    MONTHLY_FAULTS,
    /** One closed case at or above the contract's major level; owed the day after it closed (24 h after, seed 000). */
    MAJOR_FAULT,
    /** The quarter's devices: how many, how many failed, how often, the share in good order; owed by the 10th. */
    QUARTERLY_DEVICES,
    /** The quarter's service: cases by type, on-time response and resolution, satisfaction, by month; by the 10th. */
    QUARTERLY_OM,
    /** The year's service, as the quarterly summary but by month of the year; owed by 15 January. */
    ANNUAL,
    /**
     * 巡检月报: the month's preventive inspections (PM-1..PM-5) by cycle, due, done on time, late or not done, the lines
     * checked and failed, the fault cases opened from them and the asset records checked; owed by the 5th, like the
     * fault summary.
     */
    INSPECTION_MONTHLY
}
