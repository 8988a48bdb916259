package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.aftercare.asset.Customer;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.CustomerRoutes;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A customer of unit A and unit B's data, route by route: every route of the API that is not a
 * customer route answers 403 to a customer (enumerated from Spring's own mapping table, so a new
 * route is covered the day it is added); every customer route answers 404, or leaves B out, for B's
 * tickets, sites and devices; and A's user can report, follow and answer the callback of A's own.
 */
class CustomerAccessTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    ApiClient api;

    Site siteA;
    Device deviceA;
    Ticket ticketA;
    Site siteB;
    Device deviceB;
    Ticket ticketB;
    String userA;
    String userB;

    @BeforeEach
    void twoUnits() {
        api = new ApiClient(rest);
        // unit A is the base fixture's customer; unit B is another one with its own site, device and ticket
        siteA = site;
        deviceA = device;
        ticketA = report(Category.DEFECT);
        Customer b = assets.createCustomer("Unit B " + System.nanoTime());
        siteB = assets.createSite(new NewSite(b.getId(), "Site B", "Road B", Region.CITY, "B contact", "456"));
        deviceB = assets.createDevice(new NewDevice(siteB.getId(), DeviceType.NVR, "NVR B", "X", "SN-B-" + System.nanoTime(),
                "10.0.0.2", null, null, null, false));
        ticketB = reportFault.report(new com.aftercare.ticket.NewTicket(com.aftercare.ticket.Channel.HOTLINE, "B", "Unit B", "789",
                siteB.getId(), deviceB.getId(), Category.DEFECT, Grade.LOW, Grade.LOW, "B's camera", "B's fault", null), null).ticket();
        userA = "cust-a-" + System.nanoTime();
        userB = "cust-b-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(userA, PASSWORD, "Customer A", siteA.getCustomer().getId());
        accounts.createCustomerUserIfAbsent(userB, PASSWORD, "Customer B", b.getId());
    }

    @Test
    void everyRouteThatIsNotACustomerRouteIsForbiddenToACustomer() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (var method : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    String path = pattern.replaceAll("\\{[^}]*[iI]d}", String.valueOf(ticketB.getId()))
                            .replaceAll("\\{[^}]*}", "THREE_LEVEL");
                    boolean customerRoute = CustomerRoutes.describe().stream().anyMatch(r -> {
                        String[] parts = r.split(" ", 2);
                        return parts[0].equals(method.name()) && path.matches(parts[1]);
                    });
                    if (customerRoute) {
                        continue;
                    }
                    ApiClient.Response r = api.exchange(userA, HttpMethod.valueOf(method.name()), path, "{}", null);
                    // probe agents and monitoring systems sign in with their own token or key there, never as a user
                    boolean machineRoute = path.startsWith("/api/agent/") || path.equals("/api/alarms") || path.startsWith("/api/alarms/");
                    assertThat(r.status()).as(method + " " + path).isEqualTo(machineRoute ? 401 : 403);
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).as("the mapping table was read").hasSizeGreaterThan(30)
                .contains("GET /api/sla/board", "GET /api/sla/board.xlsx", "GET /api/tasks", "GET /api/models/export.zip",
                        "GET /api/tickets/" + ticketB.getId() + "/deliveries", "PUT /api/devices/" + ticketB.getId() + "/probe");
    }

    @Test
    void anotherUnitsTicketsSitesAndDevicesDoNotExistForACustomer() {
        assertThat(api.get(userA, "/api/tickets/" + ticketB.getId()).status()).isEqualTo(404);
        assertThat(api.get(userA, "/api/tickets/" + ticketB.getId() + "/clocks").status()).isEqualTo(404);
        assertThat(api.post(userA, "/api/tickets/" + ticketB.getId() + "/callback-answer",
                Map.of("callbackOutcome", "CONFIRMED")).status()).isEqualTo(404);
        assertThat(api.get(userA, "/api/devices?siteId=" + siteB.getId()).status()).isEqualTo(404);
        assertThat(api.get(userA, "/api/tickets/999999999").status()).as("the same answer as for B's ticket").isEqualTo(404);

        JsonNode list = api.get(userA, "/api/tickets?size=200").body().path("content");
        assertThat(list.findValuesAsText("number")).contains(tickets.get(ticketA.getId()).getNumber())
                .doesNotContain(tickets.get(ticketB.getId()).getNumber());
        assertThat(api.get(userA, "/api/tickets?siteId=" + siteB.getId()).body().path("content")).isEmpty();
        assertThat(api.get(userA, "/api/sites").body().findValuesAsText("name")).contains(siteA.getName()).doesNotContain("Site B");
        JsonNode devices = api.get(userA, "/api/devices").body();
        assertThat(devices.findValuesAsText("name")).contains(deviceA.getName()).doesNotContain("NVR B");
        assertThat(devices.get(0).path("ipAddress").isTextual()).as("no device addresses for customers").isFalse();
        assertThat(devices.get(0).path("probeHttpUrl").isTextual()).isFalse();
        assertThat(api.get(userA, "/api/devices?q=NVR B").body()).isEmpty();
        assertThat(api.get(userA, "/api/customers").body().findValuesAsText("id"))
                .containsExactly(String.valueOf(siteA.getCustomer().getId()));

        // the audit trail: another unit's ticket history does not exist, and the trail shows only the own unit
        assertThat(api.get(userA, "/api/tickets/" + ticketB.getId() + "/audit").status()).isEqualTo(404);
        assertThat(api.get(userA, "/api/tickets/" + ticketA.getId() + "/audit").status()).isEqualTo(200);
        JsonNode trail = api.get(userA, "/api/audit?size=500").body();
        assertThat(trail.path("content").findValuesAsText("customerId")).isNotEmpty()
                .allMatch(id -> id.equals(String.valueOf(siteA.getCustomer().getId())));
        assertThat(api.get(userA, "/api/audit?customerId=" + siteB.getCustomer().getId()).body().path("content")).isEmpty();
        assertThat(api.get(userA, "/api/audit/verify").status()).isEqualTo(403);

        // staff still see everything
        assertThat(api.get("t-desk", "/api/tickets/" + ticketB.getId()).status()).isEqualTo(200);
        assertThat(api.get("t-desk", "/api/sites").body().findValuesAsText("name")).contains("Site B");
    }

    @Test
    void aCustomerReportsOnlyForTheirOwnSitesAndNothingIsWrittenOtherwise() {
        long before = searchTickets.search(null, siteB.getId(), null, false, org.springframework.data.domain.PageRequest.of(0, 1))
                .getTotalElements();
        Map<String, Object> forB = customerReport(siteB.getId(), deviceB.getId());
        ApiClient.Response r = api.post(userA, "/api/tickets", forB);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("siteId");
        assertThat(searchTickets.search(null, siteB.getId(), null, false, org.springframework.data.domain.PageRequest.of(0, 1))
                .getTotalElements()).isEqualTo(before);

        Map<String, Object> hotline = customerReport(siteA.getId(), deviceA.getId());
        hotline.put("channel", "HOTLINE");
        assertThat(api.post(userA, "/api/tickets", hotline).errorFields()).containsExactly("channel");

        // another unit's idempotency key does not hand its ticket back
        String key = "mon-" + System.nanoTime();
        assertThat(api.post(userB, "/api/tickets", customerReport(siteB.getId(), deviceB.getId()), Map.of("Idempotency-Key", key))
                .status()).isEqualTo(201);
        ApiClient.Response replay = api.post(userA, "/api/tickets", customerReport(siteA.getId(), deviceA.getId()),
                Map.of("Idempotency-Key", key));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.errorFields()).containsExactly("Idempotency-Key");

        ApiClient.Response own = api.post(userA, "/api/tickets", customerReport(siteA.getId(), deviceA.getId()));
        assertThat(own.status()).as(own.body().toString()).isEqualTo(201);
    }

    @Test
    void aCustomerFollowsTheirTicketAndAnswersTheCallbackThemselves() {
        dispatchAndFix(ticketA);
        probeWorker.runOnce();
        confirmAndAudit(ticketA);
        JsonNode file = api.get(userA, "/api/tickets/" + ticketA.getId()).body();
        assertThat(file.path("callbackOpen").asBoolean()).as(file.toString()).isTrue();
        assertThat(file.has("timeline")).as("no internal timeline for customers").isFalse();
        assertThat(file.has("probeResults")).isFalse();
        assertThat(api.get(userA, "/api/tickets/" + ticketA.getId() + "/clocks").status()).isEqualTo(200);

        ApiClient.Response bad = api.post(userA, "/api/tickets/" + ticketA.getId() + "/callback-answer", Map.of("callbackOutcome", "MAYBE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).contains("callbackOutcome");
        ApiClient.Response answered = api.post(userA, "/api/tickets/" + ticketA.getId() + "/callback-answer",
                Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "5", "customerFeedback", "Works again"));
        assertThat(answered.status()).as(answered.body().toString()).isEqualTo(204);
        assertThat(tickets.get(ticketA.getId()).getStatus()).isEqualTo(com.aftercare.ticket.TicketStatus.CLOSED);
        assertThat(tickets.get(ticketA.getId()).getCustomerFeedback()).isEqualTo("Works again");
        assertThat(api.post(userA, "/api/tickets/" + ticketA.getId() + "/callback-answer", Map.of("callbackOutcome", "CONFIRMED"))
                .status()).as("nothing left to answer").isEqualTo(409);
        // staff roles cannot use the customer's route
        assertThat(api.post("t-desk", "/api/tickets/" + ticketB.getId() + "/callback-answer", Map.of("callbackOutcome", "CONFIRMED"))
                .status()).isEqualTo(403);
    }

    @Test
    void aCustomerUserWithoutAUnitSeesNothing() {
        String orphan = "cust-orphan-" + System.nanoTime();
        accounts.createIfAbsent(orphan, PASSWORD, "No unit", Set.of(Role.CUSTOMER));
        assertThat(api.get(orphan, "/api/tickets").status()).isEqualTo(403);
        assertThat(api.get(orphan, "/api/sites").status()).isEqualTo(403);
    }

    private Map<String, Object> customerReport(Long siteId, Long deviceId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("channel", "WEB");
        body.put("requesterName", "Customer");
        body.put("requesterPhone", "13900000000");
        body.put("siteId", siteId);
        body.put("deviceId", deviceId);
        body.put("category", "DEFECT");
        body.put("impact", "LOW");
        body.put("urgency", "LOW");
        body.put("title", "Camera down");
        body.put("description", "Reported by the customer");
        return body;
    }
}
