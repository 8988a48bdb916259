package com.aftercare.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.identity.CurrentUser;

/**
 * The stored repair reports, newest period first: every customer's for staff, a customer's user only their unit's
 * (without the staff account that made them).
 */
@Service
public class ListRepairReports {

    private final RepairReportRepository reports;
    private final AssetService assets;

    ListRepairReports(RepairReportRepository reports, AssetService assets) {
        this.reports = reports;
        this.assets = assets;
    }

    @Transactional(readOnly = true)
    public List<RepairReportView> list(Long customerId, ReportKind kind) {
        Long scope = CurrentUser.scopeCustomerId();
        Long only = scope != null ? scope : customerId;
        Map<Long, String> names = assets.customers().stream().collect(Collectors.toMap(Customer::getId, Customer::getName));
        List<RepairReport> found = only == null ? reports.findAllByOrderByPeriodStartDescIdDesc()
                : reports.findByCustomerIdOrderByPeriodStartDescIdDesc(only);
        if (scope != null && customerId != null && !scope.equals(customerId)) {
            return List.of();
        }
        return found.stream().filter(r -> kind == null || r.getKind() == kind)
                .filter(r -> names.containsKey(r.getCustomerId()))
                .map(r -> RepairReportView.of(r, names.get(r.getCustomerId())))
                // which staff account made a file is the provider's business, as on the customer's case file
                .map(v -> scope == null ? v : v.withoutCreator()).toList();
    }

}
