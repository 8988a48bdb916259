package com.aftercare.serviceform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.aftercare.labels.Labels;

/**
 * FW-2 / issue 12: the PDF of a service form carries the Chinese findings as text (extracted back with PDFBox's
 * text stripper, so the embedded font really maps them), the labels, the customer's drawn signature as an image
 * on the visit's page, photo thumbnails, and one A4 page per visit however long the texts are.
 */
class ServiceFormPdfTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final Labels labels = new Labels();
    final FakeVisits ports = new FakeVisits();
    final ReadServiceForm read = new ReadServiceForm(null, ports, ports, labels,
            Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), SHANGHAI));
    final ServiceFormPdf pdf = new ServiceFormPdf(labels);

    static CaseFacts facts() {
        return new CaseFacts(7, "GD-2026-0042", "北门卡口摄像机黑屏", "市公安局交警支队", "北门卡口", "人民路 100 号",
                "李雷 交警支队", "139 0000 0000", "王五 138 0000 0000", null, Instant.parse("2026-03-01T01:30:00Z"), "3",
                "卡口摄像机 C-01", "DS-2CD7A", "SN-88231", "北门卡口", SHANGHAI);
    }

    static VisitRecord visit(int no, String symptom, String cause, Long signatureId) {
        return new VisitRecord(no, "t-eng", "张工", Instant.parse("2026-03-01T03:05:00Z"), 31.2304, 121.4737, 25.0,
                no == 1, no == 1 ? Instant.parse("2026-03-01T03:40:00Z") : null, symptom, "供电模块故障", cause,
                "更换电源模块后观察24小时", "APPROVED", "更换电源适配器并重新接线", "12V 电源适配器 ×1", "加装防雷器",
                "赵测试", signatureId, Instant.parse("2026-03-01T05:10:00Z"), false, no == 1 ? "SENT_BACK" : null,
                "缺少照片", "t-desk", no == 1 ? Instant.parse("2026-03-01T06:00:00Z") : null);
    }

    byte[] render(Locale language, boolean forCustomer) {
        return pdf.write(read.assemble(facts(), ports.forTicket(7), language, forCustomer));
    }

    static String text(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }

    static List<PDImageXObject> images(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    @Test
    void chineseFindingsLabelsAndTheSignatureAreOnTheVisitsPage() throws IOException {
        ports.signatures.add(new VisitImages.Image(501, "signature.png", "image/png", FakeVisits.drawn(320, 120, "png")));
        ports.photos.add(new VisitImages.Image(601, "c01.jpg", "image/jpeg", FakeVisits.drawn(160, 120, "jpg")));
        ports.photos.add(new VisitImages.Image(602, "c02.jpg", "image/jpeg", FakeVisits.drawn(160, 120, "jpg")));
        ports.visits.add(visit(1, "摄像机画面全黑，指示灯不亮", "电源适配器被雷击烧毁", 501L));
        ports.visits.add(visit(2, "夜间画面偶尔闪烁", "接头氧化接触不良", null));

        try (PDDocument doc = Loader.loadPDF(render(Labels.ZH, false))) {
            assertThat(doc.getNumberOfPages()).as("one page per visit").isEqualTo(2);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f, org.assertj.core.data.Offset.offset(0.5f));

            String first = text(doc, 1);
            assertThat(first).contains("维修服务单", "GD-2026-0042", "北门卡口摄像机黑屏", "市公安局交警支队", "卡口摄像机 C-01", "SN-88231")
                    .contains("故障现象", "故障原因", "处理过程", "预防措施", "客户签字", "客户测试人", "第1次上门")
                    .contains("摄像机画面全黑，指示灯不亮", "电源适配器被雷击烧毁", "更换电源适配器并重新接线", "12V 电源适配器 ×1", "加装防雷器")
                    .contains("张工", "赵测试", "2026-03-01 09:30", "2026-03-01 11:05", "2026-03-01 11:40", "北京时间")
                    .contains("客户已同意", "退回修改", "缺少照片", "3级", "现场确认")
                    .contains("第 1 / 2 页")
                    .doesNotContain("APPROVED", "SENT_BACK", "ON_SITE", "null");
            String second = text(doc, 2);
            assertThat(second).contains("第2次上门", "夜间画面偶尔闪烁", "接头氧化接触不良", "待审核", "第 2 / 2 页")
                    .doesNotContain("摄像机画面全黑");

            List<PDImageXObject> onFirst = images(doc.getPage(0));
            assertThat(onFirst).as("the signature is drawn on the first visit's page").hasSize(1);
            assertThat(onFirst.get(0).getWidth()).isEqualTo(320);
            assertThat(onFirst.get(0).getHeight()).isEqualTo(120);
            assertThat(images(doc.getPage(1))).as("the photos are printed in a row on the last page")
                    .extracting(PDImageXObject::getWidth).containsExactly(160, 160);

            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).as("a subset of the font, not the whole 5 MB").matches("[A-Z]{6}\\+WenQuanYiMicroHei");
        }
    }

    @Test
    void theJsonCarriesTheSignatureAsADataUrlAndNoCodes() throws IOException {
        byte[] png = FakeVisits.drawn(320, 120, "png");
        ports.signatures.add(new VisitImages.Image(501, "signature.png", "image/png", png));
        ports.visits.add(visit(1, "摄像机画面全黑", "电源适配器烧毁", 501L));
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(read.assemble(facts(), ports.forTicket(7), Labels.ZH, true));
        assertThat(json).contains("\"dataUrl\":\"data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png) + "\"")
                .contains("摄像机画面全黑", "客户已同意", "退回修改", "现场确认")
                .doesNotContain("APPROVED", "SENT_BACK", "缺少照片", "t-desk", "\"bytes\"");
    }

    @Test
    void aTicketWithoutVisitsStillPrintsOneBlankFormToFillByHand() throws IOException {
        try (PDDocument doc = Loader.loadPDF(render(Labels.ZH, true))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String page = text(doc, 1);
            assertThat(page).contains("维修服务单", "第1次上门", "故障现象", "故障原因", "客户签字", "第 1 / 1 页", "北门卡口摄像机黑屏");
            assertThat(images(doc.getPage(0))).isEmpty();
        }
    }

    @Test
    void longTextsWrapAndEachVisitStaysOnOnePage() throws IOException {
        String longText = "现场检查发现交换机端口频繁上下线，更换网线后恢复。".repeat(60);
        ports.visits.add(visit(1, longText, longText, null));
        ports.visits.add(visit(2, longText, "短原因", null));
        ports.visits.add(visit(3, "短现象", "短原因", null));
        try (PDDocument doc = Loader.loadPDF(render(Labels.ZH, false))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            assertThat(text(doc, 1)).contains("现场检查发现交换机端口频繁上下线").contains("…");
            assertThat(text(doc, 2)).contains("短原因", "第 2 / 3 页");
            assertThat(text(doc, 3)).contains("短现象", "第 3 / 3 页");
        }
    }

    @Test
    void inEnglishTheLabelsAreEnglishAndTheCustomerDoesNotSeeTheDesksAuditNotes() throws IOException {
        ports.visits.add(visit(1, "Screen black, power LED off", "Power adapter burnt by lightning", null));
        try (PDDocument doc = Loader.loadPDF(render(Labels.EN, true))) {
            String page = text(doc, 1);
            assertThat(page).contains("Service form", "Symptom", "Cause", "Work done", "Customer's signature", "Visit 1", "Page 1 of 1")
                    .contains("Screen black, power LED off", "Power adapter burnt by lightning", "Approved by the customer",
                            "Sent back for revision", "Level 3")
                    .doesNotContain("故障现象", "维修服务单", "缺少照片", "t-desk");
        }
    }
}
