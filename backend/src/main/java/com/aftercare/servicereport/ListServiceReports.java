package com.aftercare.servicereport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.identity.CurrentUser;

/**
 * The service reports owed and made, newest period first: every customer's for staff, a customer's user only their
 * unit's (without the staff account that asked for one).
 */
@Service
public class ListServiceReports {

    private final ServiceReportRepository reports;
    private final ServiceReportRungRepository rungs;
    private final AssetService assets;
    private final Clock clock;

    ListServiceReports(ServiceReportRepository reports, ServiceReportRungRepository rungs, AssetService assets, Clock clock) {
        this.reports = reports;
        this.rungs = rungs;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ServiceReportView> list(Long customerId, ServiceReportKind kind) {
        return list(customerId, kind, false);
    }

    /** overdueOnly: only the reports past their due day and not made (the board's link, 逾期). */
    @Transactional(readOnly = true)
    public List<ServiceReportView> list(Long customerId, ServiceReportKind kind, boolean overdueOnly) {
        Long scope = CurrentUser.scopeCustomerId();
        if (scope != null && customerId != null && !scope.equals(customerId)) {
            return List.of();
        }
        Long only = scope != null ? scope : customerId;
        Map<Long, String> names = assets.customers().stream().collect(Collectors.toMap(Customer::getId, Customer::getName));
        List<ServiceReport> found = only == null ? reports.findAllByOrderByPeriodStartDescIdDesc()
                : reports.findByCustomerIdOrderByPeriodStartDescIdDesc(only);
        LocalDate today = LocalDate.now(clock);
        List<ServiceReport> shown = found.stream().filter(r -> kind == null || r.getKind() == kind)
                .filter(r -> names.containsKey(r.getCustomerId()))
                .filter(r -> !overdueOnly || (r.getStatus() == ServiceReport.Status.DUE && today.isAfter(r.getDueOn()))).toList();
        Map<Long, List<ServiceReportRung>> ladders = new HashMap<>();
        List<Long> ids = shown.stream().map(ServiceReport::getId).toList();
        for (int i = 0; scope == null && i < ids.size(); i += 500) {
            rungs.findByReportIdInOrderByRungAsc(ids.subList(i, Math.min(ids.size(), i + 500)))
                    .forEach(g -> ladders.computeIfAbsent(g.getReportId(), k -> new ArrayList<>()).add(g));
        }
        return shown.stream()
                .map(r -> ServiceReportView.of(r, names.get(r.getCustomerId()), today, clock.getZone(),
                        ladders.getOrDefault(r.getId(), List.of())))
                .map(v -> scope == null ? v : v.withoutCreator()).toList();
    }

    /** How many reports are past their due day and not made (the supervisors' count). */
    @Transactional(readOnly = true)
    public long overdue() {
        return reports.countByStatusAndDueOnBefore(ServiceReport.Status.DUE, LocalDate.now(clock));
    }
}
