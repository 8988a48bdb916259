package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12: files on a case over the real API. Real images made here with ImageIO and a real PDF are stored
 * (images shrunk to 1600 px, thumbnails smaller); a file over the limit is 413 and a file whose bytes are not
 * an allowed type is 415 whatever its name and header say, and neither leaves a row behind; another unit's
 * ticket is 404 on every route; a customer never sees an INTERNAL file.
 */
class AttachmentApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;
    Uploads uploads;
    Ticket ticket;
    Ticket otherUnitsTicket;
    String customer;

    @BeforeEach
    void ticketsOfTwoUnits() {
        api = new ApiClient(rest);
        uploads = new Uploads(rest);
        ticket = report(Category.DEFECT);
        Customer b = assets.createCustomer("Attachment unit B " + System.nanoTime());
        var siteB = assets.createSite(new NewSite(b.getId(), "Site B", "Road B", Region.CITY, "B", "456"));
        otherUnitsTicket = reportFault.report(new NewTicket(Channel.HOTLINE, "B", "Unit B", "789", siteB.getId(), null, Category.DEFECT,
                Grade.LOW, Grade.LOW, "B's camera", "B's fault", null), null).ticket();
        customer = "cust-att-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Customer attachments", site.getCustomer().getId());
    }

    @Test
    void aLargeJpegIsShrunkAndThumbnailedAndItsHashIsInTheAuditChain() throws Exception {
        byte[] photo = Uploads.image("jpg", 2400, 1200);
        ApiClient.Response r = uploads.upload("t-eng", ticket.getId(), "camera C-01.jpg", "image/jpeg", photo);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        JsonNode a = r.body();
        assertThat(a.path("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(a.path("kind").asText()).isEqualTo("PHOTO");
        assertThat(a.path("visibility").asText()).as("staff upload defaults to internal").isEqualTo("INTERNAL");
        assertThat(a.path("width").asInt()).isEqualTo(1600);
        assertThat(a.path("height").asInt()).isEqualTo(800);
        assertThat(a.path("hasThumbnail").asBoolean()).isTrue();
        assertThat(a.path("fileName").asText()).isEqualTo("camera C-01.jpg");
        assertThat(a.path("uploadedBy").asText()).isEqualTo("t-eng");

        String base = "/api/tickets/" + ticket.getId() + "/attachments/" + a.path("id").asLong();
        ResponseEntity<byte[]> file = uploads.download("t-desk", base);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        BufferedImage stored = Uploads.read(file.getBody());
        assertThat(stored.getWidth()).isEqualTo(1600);
        assertThat(stored.getHeight()).isEqualTo(800);
        assertThat(a.path("size").asLong()).isEqualTo(file.getBody().length);

        ResponseEntity<byte[]> thumb = uploads.download("t-desk", base + "/thumbnail");
        assertThat(thumb.getStatusCode().value()).isEqualTo(200);
        assertThat(thumb.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        BufferedImage small = Uploads.read(thumb.getBody());
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(160);
        assertThat(thumb.getBody().length).as("the thumbnail is smaller than the photo").isLessThan(file.getBody().length);

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.getBody()));
        JsonNode trail = api.get("t-sup", "/api/tickets/" + ticket.getId() + "/audit?size=500").body().path("content");
        assertThat(trail.toString()).as("the upload's audit entry names the stored bytes' SHA-256").contains(sha);
        assertThat(trail.findValuesAsText("entityType")).contains("attachment");
    }

    @Test
    void aPngKeepsItsFormatAndAPdfIsAFileWithoutThumbnail() {
        ApiClient.Response png = uploads.upload("t-desk", ticket.getId(), "screen.png", "image/png", Uploads.image("png", 500, 400));
        assertThat(png.status()).as(png.body().toString()).isEqualTo(201);
        assertThat(png.body().path("contentType").asText()).isEqualTo("image/png");
        assertThat(png.body().path("width").asInt()).isEqualTo(500);
        ResponseEntity<byte[]> pngThumb = uploads.download("t-desk",
                "/api/tickets/" + ticket.getId() + "/attachments/" + png.body().path("id").asLong() + "/thumbnail");
        assertThat(Uploads.read(pngThumb.getBody()).getWidth()).isEqualTo(320);

        byte[] pdf = Uploads.pdf();
        // the client's header says octet-stream: the type comes from the bytes
        ApiClient.Response r = uploads.upload("t-desk", ticket.getId(), "report.pdf", "application/octet-stream", pdf);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(r.body().path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(r.body().path("kind").asText()).isEqualTo("FILE");
        assertThat(r.body().path("hasThumbnail").asBoolean()).isFalse();
        String base = "/api/tickets/" + ticket.getId() + "/attachments/" + r.body().path("id").asLong();
        ResponseEntity<byte[]> back = uploads.download("t-eng", base);
        assertThat(back.getBody()).isEqualTo(pdf);
        assertThat(back.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(uploads.download("t-eng", base + "/thumbnail").getStatusCode().value()).isEqualTo(404);

        ApiClient.Response csv = uploads.upload("t-desk", ticket.getId(), "readings.csv", "text/csv",
                "device,status\nC-01,down\n".getBytes(StandardCharsets.UTF_8));
        assertThat(csv.status()).as(csv.body().toString()).isEqualTo(201);
        assertThat(csv.body().path("contentType").asText()).isEqualTo("text/csv");

        JsonNode list = api.get("t-eng", "/api/tickets/" + ticket.getId() + "/attachments").body();
        assertThat(list.findValuesAsText("fileName")).containsExactly("screen.png", "report.pdf", "readings.csv");
        assertThat(list.toString()).as("a list never carries bytes").doesNotContain("bytes").doesNotContain("JVBER");
    }

    @Test
    void anOversizedFileIs413NamingFileAndStoresNothing() {
        long[] before = counts();
        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
        tooBig[0] = 'a';
        ApiClient.Response r = uploads.upload("t-desk", ticket.getId(), "big.txt", "text/plain", tooBig);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.errorFields()).containsExactly("file");

        // far over the limit: refused from its Content-Length before the body is read
        byte[] wayTooBig = new byte[11 * 1024 * 1024];
        ApiClient.Response early = uploads.upload("t-desk", ticket.getId(), "huge.bin", "image/jpeg", wayTooBig);
        assertThat(early.status()).isEqualTo(413);
        assertThat(early.errorFields()).containsExactly("file");
        assertThat(counts()).as("attachment, attachment_content and audit rows").isEqualTo(before);
    }

    @Test
    void executablesHtmlSvgAndZipDisguisedAsImagesAre415AndStoreNothing() {
        long[] before = counts();
        Map<String, byte[]> disguised = Map.of(
                "photo.jpg", Uploads.exe(),
                "page.jpg", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8),
                "drawing.png", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8),
                "archive.jpg", new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        disguised.forEach((name, bytes) -> {
            ApiClient.Response r = uploads.upload("t-desk", ticket.getId(), name, "image/jpeg", bytes);
            assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(415);
            assertThat(r.errorFields()).as(name).containsExactly("file");
        });
        ApiClient.Response exe = uploads.upload("t-desk", ticket.getId(), "setup.exe", "application/octet-stream", Uploads.exe());
        assertThat(exe.status()).isEqualTo(415);
        assertThat(counts()).as("attachment, attachment_content and audit rows").isEqualTo(before);
    }

    @Test
    void anotherUnitsTicketIs404OnEveryAttachmentRoute() {
        long mine = uploads.upload("t-desk", otherUnitsTicket.getId(), "b.png", "image/png", Uploads.image("png", 50, 50),
                Map.of("visibility", "PUBLIC"), null).body().path("id").asLong();
        String base = "/api/tickets/" + otherUnitsTicket.getId() + "/attachments";
        long[] before = counts();
        assertThat(uploads.upload(customer, otherUnitsTicket.getId(), "a.png", "image/png", Uploads.image("png", 50, 50)).status())
                .isEqualTo(404);
        assertThat(counts()).isEqualTo(before);
        assertThat(api.get(customer, base).status()).isEqualTo(404);
        assertThat(uploads.download(customer, base + "/" + mine).getStatusCode().value()).isEqualTo(404);
        assertThat(uploads.download(customer, base + "/" + mine + "/thumbnail").getStatusCode().value()).isEqualTo(404);
        // nor through the customer's own ticket: the file belongs to another ticket
        String own = "/api/tickets/" + ticket.getId() + "/attachments/" + mine;
        assertThat(uploads.download(customer, own).getStatusCode().value()).isEqualTo(404);
        assertThat(uploads.download("t-desk", own).getStatusCode().value()).isEqualTo(404);
        assertThat(uploads.download("t-desk", base + "/" + mine).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aCustomerSeesOnlyPublicFilesAndUploadsPublicOnes() {
        long internal = uploads.upload("t-eng", ticket.getId(), "internal-wiring-KD33.png", "image/png", Uploads.image("png", 60, 60))
                .body().path("id").asLong();
        long shared = uploads.upload("t-eng", ticket.getId(), "after-repair.png", "image/png", Uploads.image("png", 60, 60),
                Map.of("visibility", "PUBLIC"), null).body().path("id").asLong();
        String base = "/api/tickets/" + ticket.getId() + "/attachments";

        JsonNode seen = api.get(customer, base).body();
        assertThat(seen.findValuesAsText("id")).containsExactly(String.valueOf(shared));
        assertThat(seen.toString()).doesNotContain("KD33").doesNotContain("t-eng");
        assertThat(uploads.download(customer, base + "/" + internal).getStatusCode().value()).isEqualTo(404);
        assertThat(uploads.download(customer, base + "/" + internal + "/thumbnail").getStatusCode().value()).isEqualTo(404);
        assertThat(uploads.download(customer, base + "/" + shared).getStatusCode().value()).isEqualTo(200);

        ApiClient.Response mine = uploads.upload(customer, ticket.getId(), "from-the-site.jpg", "image/jpeg", Uploads.image("jpg", 80, 60),
                Map.of("visibility", "INTERNAL"), null);
        assertThat(mine.status()).as(mine.body().toString()).isEqualTo(201);
        assertThat(mine.body().path("visibility").asText()).as("a customer's file is always public").isEqualTo("PUBLIC");
        assertThat(api.get("t-desk", base).body().findValuesAsText("fileName")).contains("internal-wiring-KD33.png", "from-the-site.jpg");
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstUploadAndRefusesAnotherFile() {
        byte[] photo = Uploads.image("jpg", 100, 80);
        String key = "upload-" + System.nanoTime();
        ApiClient.Response first = uploads.upload("t-eng", ticket.getId(), "p.jpg", "image/jpeg", photo, null, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        long[] before = counts();
        ApiClient.Response again = uploads.upload("t-eng", ticket.getId(), "p.jpg", "image/jpeg", photo, null, Map.of("Idempotency-Key", key));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong()).isEqualTo(first.body().path("id").asLong());
        ApiClient.Response other = uploads.upload("t-eng", ticket.getId(), "q.jpg", "image/jpeg", Uploads.image("jpg", 90, 80), null,
                Map.of("Idempotency-Key", key));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.errorFields()).containsExactly("Idempotency-Key");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void twoSendsOfTheSameKeptPhotoAtOnceStoreItOnce() throws Exception {
        // the phone's outbox and a retry may send a photo kept without signal at the same moment
        byte[] photo = Uploads.image("jpg", 120, 90);
        String key = "outbox-" + System.nanoTime();
        long[] before = counts();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<ApiClient.Response> send = () -> {
                start.await();
                return uploads.upload("t-eng", ticket.getId(), "site.jpg", "image/jpeg", photo, Map.of("kind", "PHOTO"),
                        Map.of("Idempotency-Key", key));
            };
            var a = pool.submit(send);
            var b = pool.submit(send);
            start.countDown();
            ApiClient.Response first = a.get();
            ApiClient.Response second = b.get();
            assertThat(List.of(first.status(), second.status())).as(first.body() + " / " + second.body())
                    .containsExactlyInAnyOrder(201, 200);
            assertThat(second.body().path("id").asLong()).isEqualTo(first.body().path("id").asLong());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from attachment where idempotency_key = ?", Long.class, key)).isEqualTo(1L);
        long[] after = counts();
        assertThat(after[0] - before[0]).as("one attachment row").isEqualTo(1);
    }

    @Test
    void badKindsAndAMissingFileAre400() {
        ApiClient.Response pdfAsPhoto = uploads.upload("t-eng", ticket.getId(), "r.pdf", "application/pdf", Uploads.pdf(),
                Map.of("kind", "PHOTO"), null);
        assertThat(pdfAsPhoto.status()).isEqualTo(400);
        assertThat(pdfAsPhoto.errorFields()).containsExactly("kind");
        var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        form.add("kind", "PHOTO");
        ApiClient.Response none = uploads.post("t-eng", ticket.getId(), form, null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorFields()).containsExactly("file");
    }

    private long[] counts() {
        return new long[] { count("select count(*) from attachment"), count("select count(*) from attachment_content"),
            count("select count(*) from audit_log where entity_type = 'attachment'") };
    }

    private long count(String sql) {
        return List.of(jdbc.queryForObject(sql, Long.class)).get(0);
    }
}
