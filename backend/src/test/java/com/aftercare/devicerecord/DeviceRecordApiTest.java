package com.aftercare.devicerecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.identity.AccountService;
import com.aftercare.support.ChangeBodies;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A device's record (设备档案, RP-3's repair history, RP-2's fault data for the customer): the archive's fields, its
 * newest 50 cases with the counts of all and of the open ones, and for staff the 20 latest changes naming it; a
 * customer's user reads their own unit's devices without addresses or changes, another unit's is a 404.
 */
class DeviceRecordApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    ApiClient api;
    String customerUser;

    @BeforeEach
    void clients() {
        api = new ApiClient(rest);
        clock.set(Instant.parse("2028-06-05T02:00:00Z"));
        customerUser = "cu-rec-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customerUser, PASSWORD, "钱科长", site.getCustomer().getId());
    }

    private String record() {
        return "/api/devices/" + device.getId() + "/record";
    }

    private long change(Instant start) {
        Map<String, Object> body = ChangeBodies.normal(site, List.of(device.getId()), "固件升级 " + start, start, Duration.ofHours(1));
        ApiClient.Response r = api.post("t-eng", "/api/changes", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    @Test
    void staffReadTheDevicesFieldsCasesAndChangesAndTheCustomerTheirOwnWithoutAddressesOrChanges() {
        Ticket older = report(Category.DEFECT);
        clock.set(clock.instant().plus(Duration.ofHours(1)));
        Ticket newer = report(Category.DEFECT);
        jdbc.update("update ticket set status = 'CLOSED', closed_at = ? where id = ?",
                java.sql.Timestamp.from(clock.instant()), older.getId());
        long changeId = change(clock.instant().plus(Duration.ofDays(3)));

        JsonNode staff = api.get("t-desk", record()).body();
        JsonNode d = staff.path("device");
        assertThat(d.path("id").asLong()).isEqualTo(device.getId());
        assertThat(d.path("name").asText()).isEqualTo(device.getName());
        assertThat(d.path("type").asText()).isEqualTo("OTHER");
        assertThat(d.path("serialNumber").asText()).isEqualTo(device.getSerialNumber());
        assertThat(d.path("ipAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(d.path("siteName").asText()).isEqualTo(site.getName());
        assertThat(d.path("customerId").asLong()).isEqualTo(site.getCustomer().getId());
        assertThat(d.path("retired").asBoolean()).isFalse();
        assertThat(staff.path("cases").findValuesAsText("number")).containsExactly(tickets.get(newer.getId()).getNumber(),
                tickets.get(older.getId()).getNumber());
        assertThat(staff.path("cases").get(1).path("status").asText()).isEqualTo("CLOSED");
        assertThat(staff.path("cases").get(1).has("closedAt")).isTrue();
        assertThat(staff.path("cases").get(0).path("requestType").asText()).isEqualTo("FAULT");
        assertThat(staff.path("casesTotal").asLong()).isEqualTo(2);
        assertThat(staff.path("openCases").asLong()).isEqualTo(1);
        assertThat(staff.path("changes").findValuesAsText("id")).containsExactly(String.valueOf(changeId));
        assertThat(staff.path("changes").get(0).path("status").asText()).isEqualTo("SUBMITTED");

        JsonNode own = api.get(customerUser, record()).body();
        assertThat(own.path("device").has("ipAddress")).isFalse();
        assertThat(own.has("changes")).isFalse();
        assertThat(own.path("casesTotal").asLong()).isEqualTo(2);

        Customer other = assets.createCustomer("另一单位 " + System.nanoTime());
        Site elsewhere = assets.createSite(new NewSite(other.getId(), "别处 " + System.nanoTime(), "路 1 号", Region.CITY, null, null));
        long foreign = assets.createDevice(new NewDevice(elsewhere.getId(), DeviceType.CAMERA, "别家摄像机", "X", "SN-" + System.nanoTime(),
                null, null, null, null, false)).getId();
        assertThat(api.get(customerUser, "/api/devices/" + foreign + "/record").status()).isEqualTo(404);
        assertThat(api.get("t-desk", "/api/devices/" + foreign + "/record").status()).isEqualTo(200);
        assertThat(api.get("t-desk", "/api/devices/987654321/record").status()).isEqualTo(404);
    }

    @Test
    void theRecordListsTheNewestFiftyCasesAndTwentyChangesAndCountsThemAll() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < ReadDeviceRecord.MAX_CASES + 1; i++) {
            clock.set(clock.instant().plus(Duration.ofMinutes(10)));
            numbers.add(0, tickets.get(report(Category.DEFECT).getId()).getNumber());
        }
        List<Long> changes = new ArrayList<>();
        for (int i = 0; i < ReadDeviceRecord.MAX_CHANGES + 1; i++) {
            changes.add(0, change(clock.instant().plus(Duration.ofDays(3 + i))));
        }
        JsonNode r = api.get("t-sup", record()).body();
        assertThat(r.path("cases").findValuesAsText("number")).containsExactlyElementsOf(numbers.subList(0, 50));
        assertThat(r.path("casesTotal").asLong()).isEqualTo(51);
        assertThat(r.path("openCases").asLong()).isEqualTo(51);
        List<Long> listed = new ArrayList<>();
        r.path("changes").forEach(c -> listed.add(c.path("id").asLong()));
        assertThat(listed).as("latest window first").containsExactlyElementsOf(changes.subList(0, 20));
    }
}
