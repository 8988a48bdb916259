package com.aftercare.report;

/** The two repair reports RR-7 owes: the monthly summary (by the 10th) and the quarterly list with costs. */
public enum ReportKind {
    MONTHLY,
    QUARTERLY
}
