package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.format.DateTimeFormatter;

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
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * FW-2 / issue 12: the printable service form (维修服务单) over HTTP. Staff and the ticket's own customer read it
 * as JSON and as a PDF with the Chinese text in it; another unit's customer gets 404 as for the ticket itself;
 * {@code ?lang=en} gives English labels and file name; a ticket nobody has visited yet still gives a form with
 * one blank visit to fill by hand.
 */
class ServiceFormApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    ApiClient api;
    String ownCustomer;
    String otherCustomer;

    @BeforeEach
    void customers() {
        api = new ApiClient(rest);
        ownCustomer = "cust-form-" + System.nanoTime();
        otherCustomer = "cust-form-other-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(ownCustomer, PASSWORD, "Own unit", site.getCustomer().getId());
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        assets.createSite(new NewSite(other.getId(), "Other site", "Other road", Region.CITY, "Other", "1"));
        accounts.createCustomerUserIfAbsent(otherCustomer, PASSWORD, "Other unit", other.getId());
    }

    ResponseEntity<byte[]> pdf(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    static String pdfText(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void staffReadTheFormAsJsonAndAsAPdfWithChineseText() throws IOException {
        Ticket ticket = tickets.get(report(Category.DEFECT).getId());
        String base = "/api/tickets/" + ticket.getId() + "/service-form";
        for (String user : new String[] { "t-desk", "t-eng", "t-sup" }) {
            ApiClient.Response form = api.get(user, base);
            assertThat(form.status()).as(user).isEqualTo(200);
            JsonNode body = form.body();
            assertThat(body.path("title").asText()).isEqualTo("维修服务单");
            assertThat(body.path("language").asText()).isEqualTo("zh-CN");
            assertThat(body.path("zone").asText()).isEqualTo("时间按 北京时间 显示");
            JsonNode c = body.path("caseInfo");
            assertThat(c.path("number").asText()).isEqualTo(ticket.getNumber());
            assertThat(c.path("title").asText()).isEqualTo("Camera shows no picture");
            assertThat(c.path("customerUnit").asText()).isEqualTo(site.getCustomer().getName());
            assertThat(c.path("site").asText()).isEqualTo(site.getName());
            assertThat(c.path("address").asText()).isEqualTo("Road 1");
            assertThat(c.path("reporter").asText()).isEqualTo("Li Lei Traffic police");
            assertThat(c.path("reporterPhone").asText()).isEqualTo("13900000000");
            assertThat(c.path("reportedAt").asText())
                    .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(ticket.getReceivedAt().atZone(clock.getZone())));
            assertThat(c.path("level").asText()).matches("\\d级|[A-Z]类");
            assertThat(body.path("device").path("serial").asText()).isEqualTo(device.getSerialNumber());
            assertThat(body.path("device").path("name").asText()).isEqualTo(device.getName());
            // nobody has been on site yet: one blank visit, printed as lines to fill by hand
            assertThat(body.path("visits")).hasSize(1);
            assertThat(body.path("visits").get(0).path("visitNo").asInt()).isEqualTo(1);
            assertThat(body.path("visits").get(0).hasNonNull("symptom")).isFalse();
            assertThat(body.path("visits").get(0).hasNonNull("workDone")).isFalse();
            assertThat(body.path("visits").get(0).hasNonNull("signature")).isFalse();
        }

        ResponseEntity<byte[]> pdf = pdf("t-desk", base + ".pdf");
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment;")
                .contains("filename=\"service-form-" + ticket.getNumber() + ".pdf\"")
                .contains("filename*=UTF-8''%E7%BB%B4%E4%BF%AE%E6%9C%8D%E5%8A%A1%E5%8D%95-" + ticket.getNumber() + ".pdf");
        assertThat(pdf.getBody()).startsWith("%PDF-".getBytes());
        assertThat(pdfText(pdf.getBody())).contains("维修服务单", ticket.getNumber(), "Camera shows no picture", "故障现象",
                "故障原因", "客户签字", "第1次上门", "第 1 / 1 页", "3级");
    }

    @Test
    void theCustomerReadsTheFormOfTheirOwnTicketAndAnotherUnitsIsNotFound() throws IOException {
        Ticket ticket = report(Category.DEFECT);
        String base = "/api/tickets/" + ticket.getId() + "/service-form";

        ApiClient.Response own = api.get(ownCustomer, base);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("caseInfo").path("number").asText()).isEqualTo(ticket.getNumber());
        ResponseEntity<byte[]> ownPdf = pdf(ownCustomer, base + ".pdf");
        assertThat(ownPdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdfText(ownPdf.getBody())).contains("维修服务单", ticket.getNumber());

        ApiClient.Response other = api.get(otherCustomer, base);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body().toString()).doesNotContain(ticket.getNumber());
        ResponseEntity<byte[]> otherPdf = pdf(otherCustomer, base + ".pdf");
        assertThat(otherPdf.getStatusCode().value()).isEqualTo(404);
        assertThat(new String(otherPdf.getBody() == null ? new byte[0] : otherPdf.getBody())).doesNotContain(ticket.getNumber());

        assertThat(api.get(otherCustomer, "/api/tickets/" + Long.MAX_VALUE / 2 + "/service-form").status()).isEqualTo(404);
    }

    @Test
    void inEnglishOnRequestAndAnUnknownLanguageIsABadRequestNamingLang() throws IOException {
        Ticket ticket = report(Category.DEFECT);
        String base = "/api/tickets/" + ticket.getId() + "/service-form";

        ApiClient.Response en = api.get("t-desk", base + "?lang=en");
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body().path("title").asText()).isEqualTo("Service form");
        assertThat(en.body().path("language").asText()).isEqualTo("en");
        assertThat(en.body().path("caseInfo").path("level").asText()).matches("Level \\d|Class [A-Z]");
        assertThat(api.get("t-desk", base + "?lang=zh-CN").body().path("title").asText()).isEqualTo("维修服务单");

        ResponseEntity<byte[]> pdf = pdf(ownCustomer, base + ".pdf?lang=en");
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename*=UTF-8''Service%20form-" + ticket.getNumber() + ".pdf");
        String text = pdfText(pdf.getBody());
        assertThat(text).contains("Service form", "Symptom", "Cause", "Work done", "Visit 1", "Page 1 of 1")
                .doesNotContain("维修服务单", "故障现象");

        ApiClient.Response bad = api.get("t-desk", base + "?lang=fr");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("lang");
        assertThat(pdf("t-desk", base + ".pdf?lang=fr").getStatusCode().value()).isEqualTo(400);
    }
}
