package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.aftercare.asset.Customer;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * The repair slip (送修单) and the scrap certificate (报废证明) as PDF downloads (ADR 0028): the text a reader gets out
 * of the file (extracted with PDFBox) has the Chinese headings and the case's facts; English on lang=en; a customer's
 * user gets their own unit's (the slip without the engineer's fault text), another unit's is 404; a case with no slip
 * or nothing scrapped is 404; a bad lang is 400 naming it.
 */
class PrintedSheetsPdfTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    String customer;
    String stranger;

    @BeforeEach
    void users() {
        customer = "cust-sheet-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Own unit", site.getCustomer().getId());
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        stranger = "cust-sheet-other-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(stranger, PASSWORD, "Other unit", other.getId());
        String unique = "PS-" + System.nanoTime();
        device = assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "大门摄像机 " + unique, "DS-2CD3T46",
                "SN-" + unique, "127.0.0.1", LocalDate.now(clock).plusYears(1), String.valueOf(DEVICE.port()), DEVICE.url(), false));
    }

    private ResponseEntity<byte[]> pdf(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        headers.setAccept(List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private Ticket shipped() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(ticket);
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "图像传感器板损坏 QX9", "fixOutcome", "SEND_TO_VENDOR"));
        complete(ticket, "shipToVendor", "t-eng", Map.of("vendorName", "海康威视", "repairSlipNumber", "RS-PDF-1",
                "shippingNote", "顺丰 SF-PDF"));
        return ticket;
    }

    @Test
    void theRepairSlipDownloadsAsAPdfWithItsChineseHeadingsAndFacts() throws IOException {
        Ticket ticket = tickets.get(shipped().getId());
        String path = "/api/tickets/" + ticket.getId() + "/repair-slip.pdf";

        ResponseEntity<byte[]> staff = pdf("t-desk", path);
        assertThat(staff.getStatusCode().value()).isEqualTo(200);
        assertThat(staff.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(staff.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename=\"repair-slip-" + ticket.getNumber() + ".pdf\"")
                // 送修单 in UTF-8
                .contains("filename*=UTF-8''%E9%80%81%E4%BF%AE%E5%8D%95-" + ticket.getNumber() + ".pdf");
        String zh = text(staff.getBody());
        assertThat(zh).contains("送修单", "送修单号 RS-PDF-1", "送修厂家", "海康威视", "工单号", ticket.getNumber(), "送修设备",
                "故障描述", "图像传感器板损坏 QX9", "送出日期", "应返回日期", "送出后 5 个工作日", "寄送说明", "顺丰 SF-PDF",
                "送修人签字", "厂家签收", "北京时间", "第 1 / 1 页", device.getSerialNumber());

        String en = text(pdf("t-desk", path + "?lang=en").getBody());
        assertThat(en).contains("Repair slip", "Slip number RS-PDF-1", "Vendor", "Page 1 of 1");

        ResponseEntity<byte[]> own = pdf(customer, path);
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        assertThat(text(own.getBody())).contains("送修单号 RS-PDF-1", "海康威视").doesNotContain("QX9", "SF-PDF");
        assertThat(pdf(stranger, path).getStatusCode().value()).isEqualTo(404);

        ApiClient.Response badLang = new ApiClient(rest).get("t-desk", path + "?lang=fr");
        assertThat(badLang.status()).isEqualTo(400);
        assertThat(badLang.errorFields()).containsExactly("lang");
        Ticket noSlip = report(Category.DEFECT);
        assertThat(pdf("t-desk", "/api/tickets/" + noSlip.getId() + "/repair-slip.pdf").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theScrapCertificateDownloadsAsAPdfWithItsChineseHeadingsAndBothDevices() throws IOException {
        String oldSerial = device.getSerialNumber();
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(ticket);
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Sensor failure", "fixOutcome", "SEND_TO_VENDOR"));
        complete(ticket, "shipToVendor", "t-eng", Map.of("vendorName", "海康威视", "repairSlipNumber", "RS-BF-1"));
        String path = "/api/tickets/" + ticket.getId() + "/scrap-certificate.pdf";
        assertThat(pdf("t-desk", path).getStatusCode().value()).as("nothing scrapped yet").isEqualTo(404);
        complete(ticket, "receiveFromVendor", "t-desk", Map.of("vendorReport", "无法修复", "vendorOutcome", "UNREPAIRABLE"));
        complete(ticket, "proposeReplacement", "t-eng", Map.of("replacementModel", "DS-2CD3T47", "replacementNote", "更高型号"));
        complete(ticket, "approveReplacement", "t-desk", Map.of("replacementApproved", true));
        String newSerial = "SN-NEW-" + System.nanoTime();
        complete(ticket, "installReplacement", "t-eng", Map.of("newSerialNumber", newSerial, "newDeviceName", "大门摄像机（新）"));
        String number = tickets.get(ticket.getId()).getNumber();

        ResponseEntity<byte[]> staff = pdf("t-desk", path);
        assertThat(staff.getStatusCode().value()).isEqualTo(200);
        assertThat(staff.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                // 报废证明 in UTF-8
                .contains("filename*=UTF-8''%E6%8A%A5%E5%BA%9F%E8%AF%81%E6%98%8E-BF-" + number + ".pdf");
        String zh = text(staff.getBody());
        assertThat(zh).contains("报废证明", "编号 BF-" + number, "使用单位", "报废设备", "替换设备", "摄像机", "厂家无法修复",
                oldSerial, newSerial, "DS-2CD3T47", "大门摄像机（新）", "予以报废", "维保单位（签章）", "使用单位（签章）");
        assertThat(text(pdf(customer, path).getBody())).contains("报废证明", oldSerial);
        assertThat(text(pdf("t-desk", path + "?lang=en").getBody())).contains("Scrap certificate", "Scrapped device",
                "Camera");
        assertThat(pdf(stranger, path).getStatusCode().value()).isEqualTo(404);
    }
}
