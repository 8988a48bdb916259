package com.aftercare.servicereport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.identity.CurrentUser;
import com.aftercare.inspection.ReadInspectionMonth;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.ReportedCases;
import com.aftercare.ticket.ReportedCases.ReportedCase;

/**
 * What service-reports.bpmn's daily timer does (RP-1), in three steps:
 * <ol>
 * <li>records the reports now owed for every contract whose report settings exist (reports are switched on by
 * saving them on the contract page): yesterday's daily log, last month's fault summary, last quarter's two reports,
 * last year's summary, last month's inspection summary (巡检月报, to a customer with an inspection plan), and a
 * major fault report for each case at or above the contract's major level closed in the last week; a period is owed
 * by the timer only up to {@link ServicePeriod#madeByTimerUntil()};</li>
 * <li>climbs every report still not made after its due day up its late ladder ({@link EscalateLateReports}, each rung
 * once); the list shows it 已逾期 (OVERDUE), or 逾期生成 (LATE) once it is made;</li>
 * <li>makes every report owed, and mails it.</li>
 * </ol>
 * A report made already is found, not made again, so the timer fired twice makes nothing new.
 */
@Service
public class ProduceServiceReports {

    /** How far back the timer looks for closed major faults without a report. */
    static final int MAJOR_LOOK_BACK_DAYS = 7;

    public record Produced(int owed, int escalated, int made) {
    }

    private final GenerateServiceReport generate;
    private final ServiceReportRepository reports;
    private final ReportSettingsRepository settings;
    private final ReportedCases cases;
    private final AssetService assets;
    private final ContractBook contracts;
    private final EscalateLateReports escalate;
    private final ReadInspectionMonth inspectionMonth;
    private final Clock clock;

    ProduceServiceReports(GenerateServiceReport generate, ServiceReportRepository reports, ReportSettingsRepository settings,
            ReportedCases cases, AssetService assets, ContractBook contracts, EscalateLateReports escalate,
            ReadInspectionMonth inspectionMonth, Clock clock) {
        this.inspectionMonth = inspectionMonth;
        this.generate = generate;
        this.reports = reports;
        this.settings = settings;
        this.cases = cases;
        this.assets = assets;
        this.contracts = contracts;
        this.escalate = escalate;
        this.clock = clock;
    }

    @Transactional
    public Produced run() {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Customer> active = assets.customers().stream().filter(Customer::isActive)
                .collect(Collectors.toMap(Customer::getId, c -> c));
        Set<Long> switchedOn = settings.findAll().stream().map(ReportSettings::getContractId).collect(Collectors.toSet());
        int owed = 0;
        for (ServiceContract contract : contracts.contracts()) {
            if (!switchedOn.contains(contract.getId()) || !active.containsKey(contract.getCustomerId())) {
                continue;
            }
            long customerId = contract.getCustomerId();
            for (ServiceReportKind kind : ServiceReportKind.values()) {
                // a major fault report is owed per case (below); the inspection summary only to a customer with a plan
                if (kind == ServiceReportKind.MAJOR_FAULT
                        || kind == ServiceReportKind.INSPECTION_MONTHLY && !inspectionMonth.hasPlan(customerId)) {
                    continue;
                }
                ServicePeriod period = ServicePeriod.before(kind, today);
                if (!today.isAfter(period.madeByTimerUntil())) {
                    generate.owe(customerId, period, null, null, CurrentUser.SYSTEM);
                    owed++;
                }
            }
            owed += oweMajorFaults(contract, today);
        }
        int escalated = 0;
        int made = 0;
        Map<Long, String> names = new HashMap<>();
        active.values().forEach(c -> names.put(c.getId(), c.getName()));
        List<ServiceReport> due = reports.findByStatusOrderByDueOnAscIdAsc(ServiceReport.Status.DUE);
        escalated += escalate.escalate(due, names);
        for (ServiceReport report : due) {
            Customer customer = active.get(report.getCustomerId());
            if (customer != null && generate.make(report, customer)) {
                made++;
            }
        }
        return new Produced(owed, escalated, made);
    }

    private int oweMajorFaults(ServiceContract contract, LocalDate today) {
        ZoneId zone = contract.zoneId();
        String threshold = MajorLevels.threshold(contract.getPolicyCode(),
                settings.findById(contract.getId()).map(ReportSettings::getMajorLevel).orElse(null));
        Instant from = today.minusDays(MAJOR_LOOK_BACK_DAYS).atStartOfDay(zone).toInstant();
        Instant to = today.atStartOfDay(zone).toInstant();
        int owed = 0;
        for (ReportedCase c : cases.of(contract.getCustomerId(), from, to)) {
            if (c.closedAt() != null && !c.closedAt().isBefore(from) && c.closedAt().isBefore(to) && ReportContents.isFault(c)
                    && MajorLevels.isMajor(contract.getPolicyCode(), threshold, c.level())) {
                ServicePeriod day = ServicePeriod.day(ServiceReportKind.MAJOR_FAULT, c.closedAt().atZone(zone).toLocalDate());
                generate.owe(contract.getCustomerId(), day, c.id(), c.number(), CurrentUser.SYSTEM);
                owed++;
            }
        }
        return owed;
    }
}
