package com.aftercare.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.aftercare.api.ApiClient;
import com.aftercare.api.Uploads;
import com.aftercare.asset.Customer;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;

/**
 * ADR 0082: a checklist line's photo is sent as a data URL and kept as bytes of its own. The inspection's JSON names it
 * by URL and never carries base64; the URL answers the very bytes with their type and a private one-day cache, to
 * whoever may read the inspection (another unit's user: 404); every refused photo is a 400 naming {@code photo} that
 * writes nothing; the report PDF prints the photos.
 */
class InspectionPhotoApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired InspectionPlanRepository plans;
    @Autowired InspectionCheckRepository checks;
    @Autowired InspectionPhotoRepository photos;
    @Autowired OpenInspection open;
    ApiClient api;
    String userA;
    String userB;
    InspectionPlan plan;

    @BeforeEach
    void inspectionWaitingForItsChecklist() {
        api = new ApiClient(rest);
        clock.set(Instant.parse("2026-11-20T02:00:00Z"));
        Customer b = assets.createCustomer("Photo unit B " + System.nanoTime());
        userA = "photo-a-" + System.nanoTime();
        userB = "photo-b-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(userA, PASSWORD, "Customer A", site.getCustomer().getId());
        accounts.createCustomerUserIfAbsent(userB, PASSWORD, "Customer B", b.getId());
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", site.getCustomer().getId());
        body.put("siteId", site.getId());
        body.put("name", "月度保养");
        body.put("cycle", "MONTHLY");
        body.put("items", List.of(Map.of("deviceType", "OTHER", "item", "外观及清洁", "automated", false),
                Map.of("deviceType", "OTHER", "item", "接线端子", "automated", false)));
        plan = plans.findById(api.post("t-sup", "/api/inspection-plans", body).body().path("id").asLong()).orElseThrow();
    }

    private Inspection scheduled(LocalDate windowStart) {
        Inspection inspection = open.forPlan(plan, windowStart, windowStart.plusMonths(1).atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(8)));
        // a day after the test's clock (20 November) and in the window
        Instant at = windowStart.getMonthValue() == 11 ? Instant.parse("2026-11-25T02:00:00Z")
                : windowStart.plusDays(4).atTime(10, 0).toInstant(java.time.ZoneOffset.ofHours(8));
        Map<String, Object> time = new HashMap<>(Map.of("at", at.toString(), "version", inspection.getVersion()));
        assertThat(api.post("t-desk", "/api/inspections/" + inspection.getId() + "/time", time).status()).isEqualTo(200);
        return inspection;
    }

    private ApiClient.Response record(long inspectionId, long checkId, String result, String note, String photo) {
        Map<String, Object> body = new HashMap<>();
        body.put("result", result);
        body.put("note", note);
        body.put("photo", photo);
        return api.exchange("t-eng", HttpMethod.PUT, "/api/inspections/" + inspectionId + "/checks/" + checkId, body, Map.of());
    }

    private static String dataUrl(String type, byte[] bytes) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private ResponseEntity<byte[]> get(String user, String path, String ifNoneMatch) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, PASSWORD);
        if (ifNoneMatch != null) {
            h.setIfNoneMatch(ifNoneMatch);
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), byte[].class);
    }

    private List<Long> lineIds(long inspectionId) {
        List<Long> ids = new ArrayList<>();
        api.get("t-eng", "/api/inspections/" + inspectionId).body().path("checks").forEach(c -> ids.add(c.path("id").asLong()));
        return ids;
    }

    @Test
    void aJpegAndAPngAreKeptAsBytesNamedByUrlAndReadBackByWhoeverMayReadTheInspection() throws IOException {
        Inspection inspection = scheduled(LocalDate.of(2026, 11, 1));
        long id = inspection.getId();
        List<Long> lines = lineIds(id);
        assertThat(lines).hasSize(2);
        byte[] jpeg = Uploads.image("jpg", 1280, 960);
        byte[] png = Uploads.image("png", 400, 300);

        assertThat(record(id, lines.get(0), "FAIL", "机箱进水", dataUrl("image/jpeg", jpeg)).status()).isEqualTo(200);
        ApiClient.Response detail = record(id, lines.get(1), "PASS", null, dataUrl("image/png", png));
        assertThat(detail.status()).isEqualTo(200);

        // the JSON names each photo by its URL and carries no bytes
        String json = api.get("t-eng", "/api/inspections/" + id).body().toString();
        assertThat(json).doesNotContain("base64").doesNotContain(Base64.getEncoder().encodeToString(jpeg).substring(0, 40));
        assertThat(json.length()).as("two photos of %s and %s bytes", jpeg.length, png.length).isLessThan(10_000);
        String jpegUrl = detail.body().path("checks").get(0).path("photoUrl").asText();
        String pngUrl = detail.body().path("checks").get(1).path("photoUrl").asText();
        assertThat(jpegUrl).matches("/api/inspections/" + id + "/photos/\\d+");
        assertThat(pngUrl).matches("/api/inspections/" + id + "/photos/\\d+").isNotEqualTo(jpegUrl);
        assertThat(detail.body().path("checks").get(0).has("photo")).isFalse();

        // the very bytes, their type, a private cache of one day, and 304 when the browser has them
        ResponseEntity<byte[]> jpegBack = get("t-eng", jpegUrl, null);
        assertThat(jpegBack.getStatusCode().value()).isEqualTo(200);
        assertThat(jpegBack.getHeaders().getContentType()).hasToString("image/jpeg");
        assertThat(Arrays.equals(jpegBack.getBody(), jpeg)).as("the JPEG's bytes as sent").isTrue();
        assertThat(jpegBack.getHeaders().getCacheControl()).contains("max-age=86400").contains("private").doesNotContain("public");
        assertThat(jpegBack.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        ResponseEntity<byte[]> pngBack = get(userA, pngUrl, null);
        assertThat(pngBack.getStatusCode().value()).as("the unit's own customer user").isEqualTo(200);
        assertThat(pngBack.getHeaders().getContentType()).hasToString("image/png");
        assertThat(Arrays.equals(pngBack.getBody(), png)).as("the PNG's bytes as sent").isTrue();
        assertThat(get("t-eng", jpegUrl, jpegBack.getHeaders().getETag()).getStatusCode().value()).isEqualTo(304);

        // another unit's user, an unknown photo, and a photo asked for under another inspection: 404 alike
        assertThat(get(userB, jpegUrl, null).getStatusCode().value()).isEqualTo(404);
        assertThat(get(userB, pngUrl, null).getStatusCode().value()).isEqualTo(404);
        assertThat(get("t-eng", "/api/inspections/" + id + "/photos/999999999", null).getStatusCode().value()).isEqualTo(404);
        long other = scheduled(LocalDate.of(2026, 12, 1)).getId();
        String photoId = jpegUrl.substring(jpegUrl.lastIndexOf('/') + 1);
        assertThat(get("t-eng", "/api/inspections/" + other + "/photos/" + photoId, null).getStatusCode().value()).isEqualTo(404);

        // recorded again without a photo: the line keeps its photo; with a new one: a new URL, the old bytes kept
        ApiClient.Response again = record(id, lines.get(1), "PASS", "复查", null);
        assertThat(again.body().path("checks").get(1).path("photoUrl").asText()).isEqualTo(pngUrl);
        byte[] newPng = Uploads.image("png", 64, 48);
        ApiClient.Response replaced = record(id, lines.get(1), "PASS", "复查", dataUrl("image/png", newPng));
        String newPngUrl = replaced.body().path("checks").get(1).path("photoUrl").asText();
        assertThat(newPngUrl).isNotEqualTo(pngUrl);
        // the replaced photo: still the very bytes for staff (the audit chain names it by id and hash), gone for the
        // customer's user, who reads the inspection as it stands
        ResponseEntity<byte[]> oldForStaff = get("t-sup", pngUrl, null);
        assertThat(oldForStaff.getStatusCode().value()).as("staff: audit evidence").isEqualTo(200);
        assertThat(Arrays.equals(oldForStaff.getBody(), png)).isTrue();
        assertThat(get(userA, pngUrl, null).getStatusCode().value()).as("the unit's user: replaced").isEqualTo(404);
        ResponseEntity<byte[]> newForCustomer = get(userA, newPngUrl, null);
        assertThat(newForCustomer.getStatusCode().value()).isEqualTo(200);
        assertThat(Arrays.equals(newForCustomer.getBody(), newPng)).isTrue();
        assertThat(get(userA, jpegUrl, null).getStatusCode().value()).as("the other line's photo, not replaced").isEqualTo(200);
        InspectionCheck line = checks.findById(lines.get(1)).orElseThrow();
        assertThat(replaced.body().path("checks").get(1).path("photoUrl").asText()).endsWith("/photos/" + line.getPhotoId());

        // the report, once the checklist is done, prints both lines' photos
        assertThat(api.post("t-eng", "/api/inspections/" + id + "/finish", null).status()).isEqualTo(200);
        ResponseEntity<byte[]> pdf = get(userA, "/api/inspections/" + id + "/report.pdf", null);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
            List<int[]> images = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images.add(new int[] { image.getWidth(), image.getHeight() });
                    }
                }
            }
            assertThat(images).as("the JPEG and the line's newest photo, at their own size")
                    .containsExactlyInAnyOrder(new int[] { 1280, 960 }, new int[] { 64, 48 });
            assertThat(new PDFTextStripper().getText(doc)).contains("现场照片", "机箱进水");
        }
    }

    @Test
    void aRefusedPhotoIsA400NamingPhotoThatWritesNothing() {
        Inspection inspection = scheduled(LocalDate.of(2026, 11, 1));
        long id = inspection.getId();
        long line = lineIds(id).get(0);
        long photosBefore = photos.count();
        byte[] png = Uploads.image("png", 40, 30);
        byte[] garbage = Arrays.copyOf(png, 2000);
        Arrays.fill(garbage, 16, garbage.length, (byte) 0x5A); // the PNG signature and IHDR start, then garbage
        byte[] gif = Uploads.image("gif", 40, 30);
        byte[] jpeg = Uploads.image("jpg", 320, 240);
        String prefix = "data:image/jpeg;base64,";

        List<String> refused = List.of(
                dataUrl("image/png", garbage),                                  // a PNG header on garbage
                dataUrl("image/png", gif),                                      // a GIF called PNG
                dataUrl("image/gif", gif),                                      // a GIF as such
                "data:text/html;base64,PHNjcmlwdD4=",                           // not an image
                "javascript:alert(1)",
                prefix + "AAAA=AAA",                                            // not base64
                prefix + Base64.getEncoder().encodeToString(padded(jpeg, 599_985))); // 800,003 characters
        assertThat(prefix.length() + Base64.getEncoder().encodeToString(padded(jpeg, 599_985)).length()).isEqualTo(800_003);
        for (String photo : refused) {
            ApiClient.Response r = record(id, line, "FAIL", "镜头起雾", photo);
            assertThat(r.status()).as(photo.substring(0, Math.min(40, photo.length()))).isEqualTo(400);
            assertThat(r.errorFields()).as(photo.substring(0, Math.min(40, photo.length()))).containsExactly("photo");
        }
        assertThat(photos.count()).as("no photo stored").isEqualTo(photosBefore);
        InspectionCheck untouched = checks.findById(line).orElseThrow();
        assertThat(untouched.getResult()).as("the line not recorded").isNull();
        assertThat(untouched.getPhotoId()).isNull();

        // the largest data URL taken: 799,999 characters (the next one base64 can make is 800,003)
        String largest = prefix + Base64.getEncoder().encodeToString(padded(jpeg, 599_982));
        assertThat(largest).hasSize(799_999);
        assertThat(record(id, line, "FAIL", "镜头起雾", largest).status()).isEqualTo(200);
        assertThat(photos.count()).isEqualTo(photosBefore + 1);
        assertThat(checks.findById(line).orElseThrow().getResult()).isEqualTo(CheckResult.FAIL);
    }

    @Test
    void aPhotoOfAtMostFiftyMillionPixelsIsTakenAndOnePixelMoreIsA400NamingPhoto() {
        Inspection inspection = scheduled(LocalDate.of(2026, 11, 1));
        long id = inspection.getId();
        long line = lineIds(id).get(0);
        long photosBefore = photos.count();
        assertThat(KeepCheckPhoto.MAX_PIXELS).isEqualTo(50_000_000L);
        // one pixel over: 14041 x 3561 = 50,000,001, a whole valid PNG (it would decode): refused by the header's size
        ApiClient.Response over = record(id, line, "FAIL", "镜头起雾", dataUrl("image/png", blankPng(14_041, 3_561)));
        assertThat(over.status()).as(over.body().toString()).isEqualTo(400);
        assertThat(over.errorFields()).containsExactly("photo");
        // in the phone user's language (no Accept-Language: Chinese), with both figures
        assertThat(over.detail()).contains("50000001 像素").contains("50000000 像素").doesNotContain("pixels");
        assertThat(photos.count()).isEqualTo(photosBefore);
        assertThat(checks.findById(line).orElseThrow().getResult()).isNull();
        // exactly the limit: 10000 x 5000 = 50,000,000, taken and kept as sent
        byte[] atLimit = blankPng(10_000, 5_000);
        ApiClient.Response taken = record(id, line, "FAIL", "镜头起雾", dataUrl("image/png", atLimit));
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        assertThat(photos.count()).isEqualTo(photosBefore + 1);
        ResponseEntity<byte[]> back = get("t-eng", taken.body().path("checks").get(0).path("photoUrl").asText(), null);
        assertThat(Arrays.equals(back.getBody(), atLimit)).isTrue();
    }

    /**
     * A PNG whose header declares {@code width} x {@code height} (1-bit greyscale, all black), a few KB whatever the size:
     * the rows are zero bytes, which deflate to almost nothing, and decode into a 1-bit raster (50 M pixels: 6 MB).
     */
    private static byte[] blankPng(int width, int height) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        byte[] row = new byte[1 + (width + 7) / 8]; // filter byte "none", then the row's bits
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat, deflater)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG followed by zero bytes up to {@code size} (a decoder stops at the image's end marker). */
    private static byte[] padded(byte[] jpeg, int size) {
        return Arrays.copyOf(jpeg, size);
    }
}
