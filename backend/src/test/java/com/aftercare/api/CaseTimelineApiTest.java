package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.sla.ClockName;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.TicketEvent;
import com.aftercare.ticket.TicketEventRepository;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A typed case event is stored with its parameters and shown in the reader's language; a line from before
 * typed events keeps showing the sentence it was stored with, whatever the reader's language.
 */
class CaseTimelineApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired CaseTimeline timeline;
    @Autowired TicketEventRepository events;
    @Autowired TransactionTemplate transaction;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    @Test
    void aTypedLineIsStoredAsDataAndReadInTheReadersLanguageAndAnOldLineAsItWasWritten() {
        JsonNode created = api.post("t-desk", "/api/tickets", ticketBody("HOTLINE", "MEDIUM", "HIGH")).body();
        long id = created.path("id").asLong();
        String number = created.path("number").asText();
        transaction.executeWithoutResult(s -> {
            events.save(new TicketEvent(id, clock.instant(), "t-desk", "NOTE", "旧记录：客户来电催修 (old line)"));
            timeline.record(id, new CaseEvent.Escalated(number, "2", ClockName.DISPATCH, List.of(2), false,
                    Duration.ofMinutes(-290), null, "东门路口站", null, "摄像机黑屏"));
        });

        TicketEvent stored = events.findByTicketIdOrderByOccurredAtAscIdAsc(id).stream()
                .filter(e -> "ESCALATED".equals(e.getType())).findFirst().orElseThrow();
        assertThat(stored.getKind()).isEqualTo("Escalated");
        assertThat(stored.getParams()).contains("\"clock\":\"DISPATCH\"", "\"rungs\":[2]", "\"remaining\":\"PT-4H-50M\"");
        assertThat(stored.getMessage()).as("the zh-CN text as written, for readers of the table")
                .isEqualTo("【第2档升级】" + number + " 2级 派单已超时 4小时50分 | 东门路口站 | 未派单 | 摄像机黑屏");

        assertThat(lines(id, "en-GB,en;q=0.9")).contains(
                "[Escalation step 2] " + number + " Level 2 Dispatch overdue by 4h 50m | 东门路口站 | not dispatched | 摄像机黑屏",
                "旧记录：客户来电催修 (old line)");
        assertThat(lines(id, "zh-CN")).contains(
                "【第2档升级】" + number + " 2级 派单已超时 4小时50分 | 东门路口站 | 未派单 | 摄像机黑屏",
                "旧记录：客户来电催修 (old line)");
        assertThat(lines(id, "fr-FR")).as("an unsupported language reads Chinese").isEqualTo(lines(id, "zh-CN"));
    }

    @Test
    void aLineThatCannotBeRenderedAnyMoreShowsWhatWasStoredInsteadOfBreakingTheCaseFile() {
        long id = api.post("t-desk", "/api/tickets", ticketBody("WEB", "LOW", "LOW")).body().path("id").asLong();
        transaction.executeWithoutResult(s -> events.save(new TicketEvent(id, clock.instant(), "t-desk", "ESCALATED",
                "【第1档升级】当时写下的文字", "RenamedSinceRecord", "{\"x\":1}")));

        ApiClient.Response file = api.exchange("t-sup", HttpMethod.GET, "/api/tickets/" + id, null, Map.of("Accept-Language", "en"));
        assertThat(file.status()).isEqualTo(200);
        assertThat(lines(id, "en")).contains("【第1档升级】当时写下的文字");
    }

    private List<String> lines(long id, String acceptLanguage) {
        JsonNode file = api.exchange("t-sup", HttpMethod.GET, "/api/tickets/" + id, null,
                Map.of("Accept-Language", acceptLanguage)).body();
        List<String> lines = new ArrayList<>();
        file.path("timeline").forEach(e -> lines.add(e.path("message").asText()));
        return lines;
    }
}
