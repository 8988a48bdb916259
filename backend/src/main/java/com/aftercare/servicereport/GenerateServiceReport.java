package com.aftercare.servicereport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.inspection.ReadInspectionMonth;
import com.aftercare.securityincident.SecurityIncidentsOfPeriod;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ContractLanguage;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.ReportedCases;
import com.aftercare.ticket.ReportedCases.ReportedCase;

/**
 * Makes one customer's service report for one period (RP-1) and stores its Excel and PDF files, or finds the one
 * already made: a customer has at most one report per kind and period (and per case for a major fault), so a timer
 * fired twice or a second click changes nothing. A report made is mailed with both files to the contract's report
 * recipients (queued in the same transaction, sent and retried by notify's delivery worker).
 */
@Service
public class GenerateServiceReport {

    private static final Logger log = LoggerFactory.getLogger(GenerateServiceReport.class);
    static final String MAIL_REFERENCE = "service-report:";

    public record Generated(ServiceReportView report, boolean isNew) {
    }

    private final ServiceReportRepository reports;
    private final ServiceReportContentRepository contents;
    private final ReportSettingsRepository settings;
    private final ReportedCases cases;
    private final AssetService assets;
    private final ContractBook contracts;
    private final ReportContents writer;
    private final ReportFiles files;
    private final NotificationService notifications;
    private final Labels labels;
    private final ReadInspectionMonth inspectionMonth;
    private final SecurityIncidentsOfPeriod securityIncidents;
    private final Clock clock;

    GenerateServiceReport(ServiceReportRepository reports, ServiceReportContentRepository contents, ReportSettingsRepository settings,
            ReportedCases cases, AssetService assets, ContractBook contracts, ReportContents writer, ReportFiles files,
            NotificationService notifications, Labels labels, ReadInspectionMonth inspectionMonth,
            SecurityIncidentsOfPeriod securityIncidents, Clock clock) {
        this.inspectionMonth = inspectionMonth;
        this.securityIncidents = securityIncidents;
        this.reports = reports;
        this.contents = contents;
        this.settings = settings;
        this.cases = cases;
        this.assets = assets;
        this.contracts = contracts;
        this.writer = writer;
        this.files = files;
        this.notifications = notifications;
        this.labels = labels;
        this.clock = clock;
    }

    /** On request: the report of a period (not a major fault: see {@link #generateMajor}), made now if not yet. */
    @Transactional
    public Generated generate(long customerId, ServicePeriod period, String by) {
        Customer customer = customer(customerId);
        ServiceReport report = owe(customerId, period, null, null, by);
        boolean made = report.getStatus() == ServiceReport.Status.DUE && make(report, customer);
        return new Generated(view(report, customer.getName()), made);
    }

    /** On request: the major fault report of one closed case of the customer. 400 names ticketId otherwise. */
    @Transactional
    public Generated generateMajor(long customerId, long ticketId, String by) {
        Customer customer = customer(customerId);
        ReportedCases.Owned owned = cases.one(ticketId).filter(o -> Long.valueOf(customerId).equals(o.customerId()))
                .orElseThrow(() -> new BadRequestException("ticketId", "is not a case of this customer"));
        if (owned.reported().closedAt() == null) {
            throw new BadRequestException("ticketId", "is not closed yet; the major fault report follows the closing");
        }
        ServicePeriod period = ServicePeriod.day(ServiceReportKind.MAJOR_FAULT,
                owned.reported().closedAt().atZone(zoneOf(customerId)).toLocalDate());
        ServiceReport report = owe(customerId, period, ticketId, owned.reported().number(), by);
        boolean made = report.getStatus() == ServiceReport.Status.DUE && make(report, customer);
        return new Generated(view(report, customer.getName()), made);
    }

    /** The report owed for the period, found or recorded as DUE (the timer's first step). */
    public ServiceReport owe(long customerId, ServicePeriod period, Long ticketId, String ticketNumber, String by) {
        return reports.findByCustomerIdAndKindAndPeriodStartAndTicketKey(customerId, period.kind(), period.start(),
                ticketId == null ? 0 : ticketId)
                .orElseGet(() -> reports.saveAndFlush(new ServiceReport(customerId, period, ticketId, ticketNumber, by, clock.instant())));
    }

    /**
     * Writes both files of a DUE report, stores them, turns it READY and queues its mails. A report whose files cannot
     * be written (a rendering fault) stays DUE, is logged, and is tried again at the next run; it turns OVERDUE on the
     * list and escalates if that lasts past its due day. Returns whether it was made.
     */
    public boolean make(ServiceReport report, Customer customer) {
        Optional<ServiceContract> contract = contracts.contractOfCustomer(report.getCustomerId());
        ContractLanguage language = contract.map(ServiceContract::getLanguage).orElse(ContractLanguage.DEFAULT);
        Locale lang = Labels.language(language.locale());
        ZoneId zone = contract.map(ServiceContract::zoneId).orElse(clock.getZone());
        String policy = contract.map(ServiceContract::getPolicyCode).orElse(null);
        String major = MajorLevels.threshold(policy,
                contract.flatMap(c -> settings.findById(c.getId())).map(ReportSettings::getMajorLevel).orElse(null));
        ServicePeriod period = report.period();
        Instant from = period.start().atStartOfDay(zone).toInstant();
        Instant to = period.endExclusive().atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        byte[] xlsx;
        byte[] pdf;
        ReportContents.Made made;
        try {
            List<ReportedCase> active = cases.of(report.getCustomerId(), from, to);
            ReportedCase majorCase = report.ticketId() == null ? null
                    : cases.one(report.ticketId()).map(ReportedCases.Owned::reported).orElse(null);
            if (period.kind() == ServiceReportKind.MAJOR_FAULT && majorCase == null) {
                return false;
            }
            List<ReportContents.DeviceRow> devices = period.kind() == ServiceReportKind.QUARTERLY_DEVICES
                    ? devicesOf(report.getCustomerId()) : List.of();
            List<ReadInspectionMonth.Row> inspections = period.kind() == ServiceReportKind.INSPECTION_MONTHLY
                    ? inspectionMonth.of(report.getCustomerId(), from, to) : List.of();
            List<SecurityIncidentsOfPeriod.Row> security = period.kind() == ServiceReportKind.QUARTERLY_OM
                    || period.kind() == ServiceReportKind.ANNUAL ? securityIncidents.of(report.getCustomerId(), from, to)
                    : List.of();
            made = writer.make(new ReportContents.Input(lang, customer.getName(), zone, period, policy, major, active, devices,
                    majorCase, now, inspections, security));
            xlsx = files.xlsx(lang, made.document());
            pdf = files.pdf(lang, made.document());
        } catch (RuntimeException e) {
            log.warn("Service report {} ({} {}) could not be written; it stays due and is tried again at the next run",
                    report.getId(), report.getKind(), period.code(), e);
            return false;
        }
        String base = fileBase(lang, customer.getName(), report, labels.label(lang, "serviceReport.kind", report.getKind()));
        report.made(language.tag(), base, made.cases(), xlsx, sha256(xlsx), pdf, sha256(pdf), now);
        contents.save(new ServiceReportContent(report.getId(), xlsx, pdf));
        contract.ifPresent(c -> mail(report, c, lang, customer.getName()));
        reports.saveAndFlush(report);
        return true;
    }

    private void mail(ServiceReport report, ServiceContract contract, Locale lang, String customerName) {
        List<String> to = settings.findById(contract.getId()).map(ReportSettings::recipients).orElse(List.of());
        if (to.isEmpty()) {
            return;
        }
        String kind = labels.label(lang, "serviceReport.kind", report.getKind());
        String period = writer.periodText(lang, report.period());
        Map<String, Object> args = Map.of("kind", kind, "customer", customerName, "period", period);
        String subject = labels.text(lang, "serviceReport.mailSubject", args);
        String body = labels.text(lang, "serviceReport.mailBody", args);
        to.forEach(address -> notifications.queueEmailWithFiles(address, subject, body, MAIL_REFERENCE + report.getId()));
        report.mailed(String.join(",", to), clock.instant());
    }

    private List<ReportContents.DeviceRow> devicesOf(long customerId) {
        return assets.sites().stream().filter(s -> s.getCustomer().getId() == customerId)
                .flatMap(s -> assets.devices(s.getId(), null).stream()
                        .map(d -> new ReportContents.DeviceRow(d.getId(), d.getName(), d.getType() == null ? null : d.getType().name(),
                                s.getName())))
                .toList();
    }

    private String fileBase(Locale lang, String customerName, ServiceReport report, String kindName) {
        String safe = customerName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        String period = report.getTicketNumber() == null ? report.period().code() : report.getTicketNumber();
        return labels.text(lang, "serviceReport.file", Map.of("kind", kindName, "customer", safe, "period", period));
    }

    public ServiceReportView view(ServiceReport report, String customerName) {
        return ServiceReportView.of(report, customerName, LocalDate.now(clock), clock.getZone());
    }

    public Customer customer(long customerId) {
        return assets.customers().stream().filter(c -> c.getId() == customerId).findFirst()
                .orElseThrow(() -> new NotFoundException("No customer " + customerId));
    }

    public ZoneId zoneOf(long customerId) {
        return contracts.contractOfCustomer(customerId).map(ServiceContract::zoneId).orElse(clock.getZone());
    }

    static String sha256(byte[] bytes) {
        return com.aftercare.common.Sha256.hex(bytes);
    }
}
