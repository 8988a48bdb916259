package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.CustomerRoutes;
import com.aftercare.probe.ProbeService;
import com.aftercare.report.GenerateRepairReport;
import com.aftercare.report.ReportKind;
import com.aftercare.report.ReportPeriod;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 10, item 8: whatever route a customer's user reaches shows no more than their case file
 * does. A ticket gets everything the case file keeps back (a desk note, a hold note, the engineer's
 * cause and symptom, task completions, probe results) on a device with an address and probe settings,
 * and a second device's probe settings are changed, and an internal note and an internal file are put in
 * its conversation; then every GET route open to customers ({@link CustomerRoutes}, so a new one is walked
 * the day it is added) is read as the customer, with the audit trail's filters too, and none of those
 * strings may appear. Every route on a ticket answers 404 for another unit's ticket.
 */
class CustomerCaseFileBoundaryTest extends IntegrationTest {

    @Autowired GenerateRepairReport generateRepairReport;

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired ProbeService probes;
    ApiClient api;
    String customer;

    @BeforeEach
    void customerOfTheFixtureUnit() {
        api = new ApiClient(rest);
        customer = "cust-boundary-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Customer boundary", site.getCustomer().getId());
    }

    @Test
    void everyCustomerRouteShowsOnlyWhatTheCustomerCaseFileShows() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false,
                "deskNote", "Desk-only guidance XQ17"));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        assertThat(api.post("t-eng", "/api/tickets/" + ticket.getId() + "/hold",
                Map.of("reason", "WAITING_PARTS", "note", "Internal hold note ZK42")).status()).isEqualTo(200);
        assertThat(api.exchange("t-eng", HttpMethod.DELETE, "/api/tickets/" + ticket.getId() + "/hold", null, null).status())
                .isEqualTo(204);
        checkInAndReport(ticket);
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("symptom", "Symptom seen by engineer WV93",
                "cause", "Loose power cable PJ58", "fixOutcome", "FIXED", "solution", "Re-seated the cable"));
        probeWorker.runOnce();
        String probeSummary = probes.resultsOf(ticket.getId()).get(0).getSummary();

        Device other = assets.createDevice(new NewDevice(site.getId(), DeviceType.NVR, "NVR boundary", "X", "SN-BND-" + System.nanoTime(),
                "61.135.77.88", null, "554", null, false));
        assertThat(api.exchange("t-eng", HttpMethod.PUT, "/api/devices/" + other.getId() + "/probe",
                Map.of("ipAddress", "61.135.77.89", "probeTcpPorts", "8554"), null).status()).isEqualTo(200);

        // issue 12: the conversation holds an internal note and an internal file next to a public reply and a public photo
        Uploads uploads = new Uploads(rest);
        assertThat(api.post("t-desk", "/api/tickets/" + ticket.getId() + "/conversation",
                Map.of("body", "Internal note MM71", "mentions", List.of("t-eng"))).status()).isEqualTo(201);
        assertThat(uploads.upload("t-eng", ticket.getId(), "internal-wiring-KD33.png", "image/png", Uploads.image("png", 40, 40))
                .status()).isEqualTo(201);
        long publicPhoto = uploads.upload("t-eng", ticket.getId(), "after-repair.png", "image/png", Uploads.image("png", 40, 40),
                Map.of("visibility", "PUBLIC"), null).body().path("id").asLong();
        assertThat(api.post("t-desk", "/api/tickets/" + ticket.getId() + "/conversation",
                Map.of("body", "Public reply", "visibility", "PUBLIC")).status()).isEqualTo(201);

        List<String> kept = List.of("Internal note MM71", "KD33", "INTERNAL", "Desk-only guidance XQ17", "Internal hold note ZK42", "Symptom seen by engineer WV93",
                "Loose power cable PJ58", probeSummary, "127.0.0.1", "61.135.77.8", DEVICE.url(), "probe_tcp_ports", "probeTcpPorts", "ip_address", "ipAddress",
                "diagnoseAndFix", "acceptAssignment", "firstLineResolution", "ticket_event", "process_instance", "idempotency",
                "policy_id", "contract_id", "t-desk", "entryHash", "prevHash");

        StringBuilder everything = new StringBuilder();
        StringBuilder serviceForm = new StringBuilder();
        List<String> walked = new ArrayList<>();
        for (String route : CustomerRoutes.describe()) {
            String[] parts = route.split(" ", 2);
            if (!parts[0].equals("GET")) {
                continue; // writes are checked by the customer-access test; their answers carry no case data
            }
            // the first number is the ticket, a second one a file on it (the public photo)
            String path = parts[1].replaceFirst("\\\\d\\+", String.valueOf(ticket.getId())).replace("\\d+", String.valueOf(publicPhoto)).replace("\\.", ".");
            if (path.startsWith("/api/repair-reports/")) {
                // issue 13: the unit's own repair report (its number is a report's, not the ticket's)
                path = "/api/repair-reports/" + generateRepairReport.generate(site.getCustomer().getId(),
                        ReportPeriod.before(ReportKind.MONTHLY, java.time.LocalDate.now(clock)), "t-desk").report().id() + "/file";
            }
            if (path.startsWith("/api/knowledge/articles/")) {
                // issue 15: an article the customer's own list shows (the provider's knowledge, not case data), or
                // when their systems have none, a not-found (KnowledgeBaseTest reads the visible ones)
                JsonNode articles = api.get(customer, "/api/knowledge/articles").body();
                String article = articles.isEmpty() ? "/api/knowledge/articles/" + Long.MAX_VALUE
                        : "/api/knowledge/articles/" + articles.get(0).path("id").asLong();
                ApiClient.Response r = api.get(customer, article);
                assertThat(r.status()).as(article + ": " + r.body()).isEqualTo(articles.isEmpty() ? 404 : 200);
                everything.append(r.body()).append('\n');
                walked.add(path);
                continue;
            }
            if (path.contains("/service-form")) {
                serviceForm.append(serviceFormAsCustomer(path)).append('\n');
                walked.add(path);
                continue;
            }
            if (path.endsWith("/scrap-certificate") || path.endsWith("/scrap-certificate.pdf") || path.endsWith("/repair-slip.pdf")) {
                // issue 13: only a case whose device was scrapped or sent away has one (WarrantyProcessTest and
                // PrintedSheetsPdfTest read real ones)
                assertThat(api.get(customer, path).status()).as(path).isEqualTo(404);
                walked.add(path);
                continue;
            }
            if (path.startsWith("/api/inspections/") || path.startsWith("/api/service-reports/") || path.startsWith("/api/changes/")
                    || path.startsWith("/api/config-items/") || path.endsWith("/config-items")
                    || path.startsWith("/api/security-incidents/")) {
                // issue 16: the number is an inspection's or a scheduled report's (RP-5: a change's; RP-4: a configuration
                // item's or a device's; RP-6: a security incident's), not the case's: there is none of the unit's under
                // this one, or it is theirs (InspectionApiTest, ServiceReportsProcessTest, ChangeApiTest, ConfigItemApiTest
                // and SecurityIncidentApiTest read the unit's own and get 404 for another unit's)
                path = path.replace("(xlsx|pdf)", "pdf");
                ApiClient.Response r = api.get(customer, path);
                assertThat(r.status()).as(path + ": " + r.body()).isIn(200, 404);
                everything.append(r.body()).append('\n');
                walked.add(path);
                continue;
            }
            if (path.startsWith("/api/devices/") && path.endsWith("/record")) {
                // RP-3: the number is a device's: the case's own device, whose record the unit's user reads (no address)
                path = "/api/devices/" + device.getId() + "/record";
            }
            if (path.equals("/api/kpi/cases")) {
                path += "?kpi=SATISFACTION&part=DENOMINATOR"; // issue 16: the cases behind a figure, of the unit only
            }
            List<String> variants = new ArrayList<>(List.of(path));
            if (path.equals("/api/audit")) {
                for (String type : new String[] { "device", "ticket_event", "ticket", "site", "customer", "app_user", "service_contract" }) {
                    variants.add(path + "?size=500&entityType=" + type);
                }
                variants.add(path + "?size=500&entityId=" + other.getId());
                variants.add(path + "?size=500&customerId=" + site.getCustomer().getId());
            }
            if (path.endsWith("/audit")) {
                variants.add(path + (path.contains("?") ? "&" : "?") + "size=500");
            }
            if (path.equals("/api/devices")) {
                variants.add(path + "?siteId=" + site.getId());
            }
            for (String v : variants) {
                ApiClient.Response r = api.get(customer, v);
                assertThat(r.status()).as(v + ": " + r.body()).isEqualTo(200);
                everything.append(r.body()).append('\n'); // the answer only: some paths name what they ask for
                walked.add(v);
            }
        }
        assertThat(walked).as("the customer routes were read").contains("/api/devices/" + device.getId() + "/record")
                .contains("/api/audit", "/api/tickets/" + ticket.getId() + "/audit",
                "/api/tickets/" + ticket.getId(), "/api/devices", "/api/notifications", "/api/tickets/" + ticket.getId() + "/conversation",
                "/api/tickets/" + ticket.getId() + "/attachments", "/api/tickets/" + ticket.getId() + "/attachments/" + publicPhoto,
                "/api/tickets/" + ticket.getId() + "/attachments/" + publicPhoto + "/thumbnail");
        assertThat(everything.toString()).as("the public reply is shown").contains("Public reply");
        for (String secret : kept) {
            assertThat(everything.toString()).as("shown to a customer: " + secret).doesNotContain(secret);
        }
        // the service form is the paper the customer's tester signs: it shows the visit's findings (symptom,
        // cause, work done), and nothing else the case file keeps back (FW-2, issue 12)
        assertThat(walked).contains("/api/tickets/" + ticket.getId() + "/service-form",
                "/api/tickets/" + ticket.getId() + "/service-form.pdf");
        assertThat(serviceForm.toString()).contains(ticket.getNumber(), "维修服务单");
        for (String secret : kept) {
            if (!secret.equals("Symptom seen by engineer WV93") && !secret.equals("Loose power cable PJ58")) {
                assertThat(serviceForm.toString()).as("on a customer's service form: " + secret).doesNotContain(secret);
            }
        }

        // what the case file does show is still in the trail: the ticket's progress and the fix
        JsonNode history = api.get(customer, "/api/tickets/" + ticket.getId() + "/audit?size=500").body().path("content");
        assertThat(history.findValuesAsText("entityType")).isNotEmpty().containsOnly("ticket");
        assertThat(history.toString()).contains("Re-seated the cable").contains("\"status\"").contains("WAITING_PARTS");
        assertThat(api.get(customer, "/api/audit?entityType=device").body().path("content")).isEmpty();

        // staff still read the whole trail
        JsonNode full = api.get("t-sup", "/api/tickets/" + ticket.getId() + "/audit?size=500").body();
        assertThat(full.toString()).contains("Loose power cable PJ58").contains("entryHash");
        assertThat(api.get("t-sup", "/api/audit?entityType=device&entityId=" + other.getId()).body().toString()).contains("61.135.77.89");
    }

    /** Issue 12: the customer's field-step writes answer 404 for another unit's ticket and leave it as it was. */
    @Test
    void fieldStepWritesOnAnotherUnitsTicketAre404() {
        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        com.aftercare.asset.Customer otherUnit = assets.createCustomer("Other unit " + System.nanoTime());
        String stranger = "cust-boundary-other-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(stranger, PASSWORD, "Other unit's user", otherUnit.getId());

        ApiClient.Response review = api.post(stranger, "/api/tickets/" + ticket.getId() + "/plan-review",
                Map.of("approved", true));
        ApiClient.Response confirm = api.post(stranger, "/api/tickets/" + ticket.getId() + "/completion-confirmation",
                Map.of("testerName", "Intruder", "confirmed", true));
        assertThat(review.status()).isEqualTo(404);
        assertThat(confirm.status()).isEqualTo(404);
        assertThat(confirm.body().toString()).doesNotContain(tickets.get(ticket.getId()).getNumber());
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        // the unit's own customer reaches the same routes (they are open to customers)
        assertThat(api.post(customer, "/api/tickets/" + ticket.getId() + "/plan-review", Map.of("approved", true)).status())
                .isEqualTo(409);
    }

    /**
     * Issue 12: every customer route on one ticket (conversation and files included, reads and writes) answers
     * 404 for another unit's ticket and its files, exactly as for a ticket that does not exist, and writes nothing.
     */
    @Test
    void everyTicketRouteIs404ForAnotherUnitsTicket() {
        com.aftercare.asset.Customer b = assets.createCustomer("Boundary unit B " + System.nanoTime());
        var siteB = assets.createSite(new com.aftercare.asset.NewSite(b.getId(), "Site B", "Road B", com.aftercare.asset.Region.CITY, "B", "4"));
        Ticket theirs = reportFault.report(new com.aftercare.ticket.NewTicket(com.aftercare.ticket.Channel.HOTLINE, "B", "Unit B", "789",
                siteB.getId(), null, Category.DEFECT, com.aftercare.ticket.Grade.LOW, com.aftercare.ticket.Grade.LOW, "B's camera",
                "B's fault", null), null).ticket();
        Uploads uploads = new Uploads(rest);
        long theirPhoto = uploads.upload("t-eng", theirs.getId(), "b.png", "image/png", Uploads.image("png", 30, 30),
                Map.of("visibility", "PUBLIC"), null).body().path("id").asLong();
        assertThat(api.post("t-desk", "/api/tickets/" + theirs.getId() + "/conversation", Map.of("body", "B reply", "visibility", "PUBLIC"))
                .status()).isEqualTo(201);

        List<String> walked = new ArrayList<>();
        for (String route : CustomerRoutes.describe()) {
            String[] parts = route.split(" ", 2);
            if (!parts[1].startsWith("/api/tickets/\\d+")) {
                continue;
            }
            String path = parts[1].replaceFirst("\\\\d\\+", String.valueOf(theirs.getId())).replace("\\d+", String.valueOf(theirPhoto)).replace("\\.", ".");
            ApiClient.Response r;
            if (parts[0].equals("POST") && path.endsWith("/attachments")) {
                r = uploads.upload(customer, theirs.getId(), "a.png", "image/png", Uploads.image("png", 30, 30));
            } else if (parts[0].equals("POST")) {
                r = api.post(customer, path, path.endsWith("/conversation") ? Map.of("body", "hello")
                        : path.endsWith("/plan-review") || path.endsWith("-approval") ? Map.of("approved", true)
                        : path.endsWith("/completion-confirmation") ? Map.of("testerName", "Intruder", "confirmed", true)
                        : Map.of("callbackOutcome", "CONFIRMED"));
            } else {
                r = api.get(customer, path);
            }
            assertThat(r.status()).as(route + " → " + path + ": " + r.body()).isEqualTo(404);
            walked.add(parts[0] + " " + path);
        }
        assertThat(walked).contains("GET /api/tickets/" + theirs.getId() + "/conversation",
                "POST /api/tickets/" + theirs.getId() + "/conversation", "POST /api/tickets/" + theirs.getId() + "/attachments",
                "GET /api/tickets/" + theirs.getId() + "/attachments/" + theirPhoto + "/thumbnail");
        assertThat(api.get("t-desk", "/api/tickets/" + theirs.getId() + "/conversation").body().findValuesAsText("body"))
                .containsExactly("B reply");
        assertThat(api.get("t-desk", "/api/tickets/" + theirs.getId() + "/attachments").body().size()).isEqualTo(1);
    }

    /** The service form as the customer reads it: the JSON, or the text of the PDF. */
    private String serviceFormAsCustomer(String path) {
        if (!path.endsWith(".pdf")) {
            ApiClient.Response r = api.get(customer, path);
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
            return r.body().toString();
        }
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth(customer, PASSWORD);
        org.springframework.http.ResponseEntity<byte[]> r = rest.exchange(path, HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), byte[].class);
        assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(r.getBody())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
