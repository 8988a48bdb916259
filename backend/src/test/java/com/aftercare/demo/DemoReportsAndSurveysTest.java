package com.aftercare.demo;

import com.aftercare.support.H2Only;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.aftercare.asset.Customer;
import com.aftercare.asset.Device;
import com.aftercare.kpi.ComputeKpis;
import com.aftercare.kpi.KpiMonth;
import com.aftercare.kpi.KpiName;
import com.aftercare.kpi.KpiQuery;
import com.aftercare.servicereport.ListServiceReports;
import com.aftercare.servicereport.ReadReportSettings;
import com.aftercare.servicereport.ReadServiceReportFile;
import com.aftercare.servicereport.ServiceReportKind;
import com.aftercare.servicereport.ServiceReportView;
import com.aftercare.sla.ContractBook;
import com.aftercare.support.IntegrationTest;

/**
 * A newcomer to the demo finds reports and surveys, not empty pages (issue 16): the demo contract's report settings,
 * four reports whose PDF files open, the CB-1 samples (one answered 5/4/5, one open), this period's CB-2 callback,
 * last quarter's CB-3 survey answered, devices commissioned on the acceptance day; and README's demo KPI hand count
 * (用户满意率 1/2, 设备完好率 19/20) still holds with the survey answered.
 */
@H2Only
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "the demo's own in-memory H2 database; the PostgreSQL profile settings do not apply to it")
@TestPropertySource(properties = {"aftercare.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:aftercare-demo-reports;DB_CLOSE_DELAY=-1"})
class DemoReportsAndSurveysTest extends IntegrationTest {

    @Autowired ContractBook contracts;
    @Autowired ReadReportSettings readSettings;
    @Autowired ListServiceReports reports;
    @Autowired ReadServiceReportFile files;
    @Autowired ComputeKpis kpis;
    @Autowired JdbcTemplate jdbc;

    private long demoCustomer() {
        return assets.customers().stream().filter(c -> c.getName().equals("示范市公安局")).map(Customer::getId).findFirst()
                .orElseThrow();
    }

    @Test
    void theDemoHasReportsSurveysAndCommissioningDaysAndKeepsItsKpiHandCount() throws Exception {
        long customer = demoCustomer();
        long contract = contracts.contractOfCustomer(customer).orElseThrow().getId();
        var settings = readSettings.of(contract);
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.recipients()).containsExactlyElementsOf(DemoReportsAndSurveys.RECIPIENTS);
        assertThat(settings.majorLevel()).isEqualTo("2");

        List<ServiceReportView> made = reports.list(customer, null);
        assertThat(made).extracting(ServiceReportView::kind).contains(ServiceReportKind.DAILY_LOG, ServiceReportKind.MONTHLY_FAULTS,
                ServiceReportKind.INSPECTION_MONTHLY, ServiceReportKind.QUARTERLY_DEVICES);
        for (ServiceReportView r : made) {
            assertThat(r.state()).as(r.kind() + " made").isIn("READY", "LATE");
            try (PDDocument pdf = Loader.loadPDF(files.file(r.id(), ReadServiceReportFile.Format.PDF).bytes())) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("示范市公安局");
            }
        }
        ServiceReportView devices = made.stream().filter(r -> r.kind() == ServiceReportKind.QUARTERLY_DEVICES).findFirst()
                .orElseThrow();
        assertThat(devices.xlsxName()).startsWith("季度设备和系统管理报告-");

        List<Map<String, Object>> surveys = jdbc.queryForList("select kind, status, intake_score, handling_score, support_score"
                + " from survey where customer_id = ? order by kind, status", customer);
        assertThat(surveys).extracting(s -> s.get("KIND") + "/" + s.get("STATUS")).containsExactlyInAnyOrder("CALLBACK/OPEN",
                "QUARTERLY/ANSWERED", "SAMPLE/ANSWERED", "SAMPLE/OPEN");
        assertThat(surveys).filteredOn(s -> "SAMPLE".equals(s.get("KIND")) && "ANSWERED".equals(s.get("STATUS")))
                .extracting(s -> s.get("INTAKE_SCORE") + "/" + s.get("HANDLING_SCORE") + "/" + s.get("SUPPORT_SCORE"))
                .containsExactly("5/4/5");

        LocalDate accepted = DemoData.acceptedOn(clock);
        List<Device> demoDevices = assets.devices(null, null).stream().filter(d -> d.getSerialNumber().startsWith("DEMO-")).toList();
        assertThat(demoDevices).hasSize(20).allSatisfy(d -> assertThat(d.getCommissionedOn()).isEqualTo(accepted));
        // nameplate-like serials and an installed location on every demo device (the engineer's site card shows it)
        assertThat(demoDevices).extracting(Device::getSerialNumber).contains("DEMO-C-01", "DEMO-K-06", "DEMO-SW-02", "DEMO-UPS-01",
                "DEMO-NVR-02").allSatisfy(serial -> assertThat(serial).matches("DEMO-[A-Z]+-\\d{2}"));
        assertThat(demoDevices).allSatisfy(d -> assertThat(d.getLocation()).isNotBlank());

        KpiMonth month = kpis.compute(new KpiQuery(customer, null)).month();
        assertThat(month.figure(KpiName.SATISFACTION).numerator()).isEqualTo(1);
        assertThat(month.figure(KpiName.SATISFACTION).denominator()).isEqualTo(2);
        assertThat(month.figure(KpiName.GOOD_ORDER).numerator()).isEqualTo(19);
        assertThat(month.figure(KpiName.GOOD_ORDER).denominator()).isEqualTo(20);
    }
}
