package com.aftercare.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.common.NotFoundException;
import com.aftercare.labels.Labels;
import com.aftercare.repair.RepairHistory;
import com.aftercare.repair.RepairRecord;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ContractLanguage;
import com.aftercare.sla.ServiceContract;
import com.aftercare.warranty.CaseCost;
import com.aftercare.warranty.CaseCosts;

/**
 * Makes one customer's repair report for one period and stores it (RR-7), or finds the one already made: a
 * customer has at most one file per kind and period, so a timer fired twice or a second request changes nothing.
 * Repairs come only from {@link RepairHistory}, costs only from {@link CaseCosts}; the file is written in the
 * customer's contract language.
 */
@Service
public class GenerateRepairReport {

    /** How far back a slip may have been sent and still be away, or come back, in the month reported on. */
    static final int LOOK_BACK_MONTHS = 12;

    public record Generated(RepairReportView report, boolean isNew) {
    }

    private final RepairReportRepository reports;
    private final RepairReportContentRepository contents;
    private final RepairHistory history;
    private final CaseCosts costs;
    private final AssetService assets;
    private final ContractBook contracts;
    private final RepairWorkbooks workbooks;
    private final Clock clock;

    GenerateRepairReport(RepairReportRepository reports, RepairReportContentRepository contents, RepairHistory history,
            CaseCosts costs, AssetService assets, ContractBook contracts, RepairWorkbooks workbooks, Clock clock) {
        this.reports = reports;
        this.contents = contents;
        this.history = history;
        this.costs = costs;
        this.assets = assets;
        this.contracts = contracts;
        this.workbooks = workbooks;
        this.clock = clock;
    }

    @Transactional
    public Generated generate(long customerId, ReportPeriod period, String by) {
        Customer customer = assets.customers().stream().filter(c -> c.getId() == customerId).findFirst()
                .orElseThrow(() -> new NotFoundException("No customer " + customerId));
        Optional<RepairReport> existing = reports.findByCustomerIdAndKindAndPeriodStart(customerId, period.kind(), period.start());
        if (existing.isPresent()) {
            return new Generated(RepairReportView.of(existing.get(), customer.getName()), false);
        }
        ContractLanguage language = contracts.contractOfCustomer(customerId).map(ServiceContract::getLanguage)
                .orElse(ContractLanguage.DEFAULT);
        Locale lang = Labels.language(language.locale());
        byte[] bytes;
        int repairs;
        if (period.kind() == ReportKind.MONTHLY) {
            List<RepairRecord> rows = monthRows(customerId, period);
            repairs = rows.size();
            bytes = workbooks.monthly(lang, customer.getName(), period, summarise(rows, period), rows);
        } else {
            List<RepairRecord> rows = history.sentBetween(period.start(), period.endExclusive(), customerId);
            Map<Long, CaseCost> byTicket = new LinkedHashMap<>();
            rows.forEach(r -> byTicket.computeIfAbsent(r.ticketId(), costs::costOf));
            repairs = rows.size();
            bytes = workbooks.quarterly(lang, customer.getName(), period, rows, byTicket);
        }
        RepairReport report = reports.saveAndFlush(new RepairReport(customerId, period, language.tag(),
                workbooks.fileName(lang, customer.getName(), period), bytes.length, sha256(bytes), repairs, by,
                clock.instant()));
        contents.save(new RepairReportContent(report.getId(), bytes));
        return new Generated(RepairReportView.of(report, customer.getName()), true);
    }

    /**
     * The slips the month's summary lists: sent in the month, came back in it, or still away at its end (sent
     * within {@link #LOOK_BACK_MONTHS} months before).
     */
    List<RepairRecord> monthRows(long customerId, ReportPeriod period) {
        LocalDate end = period.endExclusive();
        return history.sentBetween(period.start().minusMonths(LOOK_BACK_MONTHS), end, customerId).stream()
                .filter(r -> !r.sentOn().isBefore(period.start()) || inPeriod(r.returnedOn(), period)
                        || r.returnedOn() == null || !r.returnedOn().isBefore(end))
                .toList();
    }

    static RepairWorkbooks.Summary summarise(List<RepairRecord> rows, ReportPeriod period) {
        int sent = 0, returned = 0, away = 0, late = 0, unrepairable = 0, loaners = 0;
        for (RepairRecord r : rows) {
            if (inPeriod(r.sentOn(), period)) {
                sent++;
            }
            if (inPeriod(r.returnedOn(), period)) {
                returned++;
            } else {
                away++;
            }
            if (RepairWorkbooks.isLate(r, period.endExclusive())) {
                late++;
            }
            if ("UNREPAIRABLE".equals(r.outcome())) {
                unrepairable++;
            }
            if (r.loanerInstalled()) {
                loaners++;
            }
        }
        return new RepairWorkbooks.Summary(sent, returned, away, late, unrepairable, loaners);
    }

    private static boolean inPeriod(LocalDate day, ReportPeriod period) {
        return day != null && !day.isBefore(period.start()) && day.isBefore(period.endExclusive());
    }

    private static String sha256(byte[] bytes) {
        return com.aftercare.common.Sha256.hex(bytes);
    }
}
