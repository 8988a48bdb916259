package com.aftercare.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.engineer.EngineerService;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.notify.DeliveryChannel;
import com.aftercare.notify.DeliveryStatus;
import com.aftercare.notify.DeliveryWorker;
import com.aftercare.notify.WebhookReceiver;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockLog;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.RecipientRole;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockLogBook;
import com.aftercare.sla.CreatePolicy;
import com.aftercare.sla.Evaluation;
import com.aftercare.sla.SaveContract;
import com.aftercare.sla.TimeBasis;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Issue 11, "done when": one escalated case, followed to what people actually read — the WeCom robot's text
 * (a real HTTP receiver on loopback), the in-app notification (GET /api/notifications), the escalation lines of
 * the case's timeline and the supervisor
 * board's Excel export (read back from the xlsx) — in Simplified Chinese (a zh-CN contract, a zh-CN reader) and
 * in English (an en contract, an en reader). None of it may hold a domain enum code as a word, a camelCase field
 * id, an English word in the Chinese texts or a Chinese character in the English ones, other than the ticket
 * number, site, user names and the text the reporter typed, which this test chooses in the reader's language.
 */
class EscalatedCaseSpeaksOneLanguageTest extends IntegrationTest {

    private static final AtomicInteger POLICIES = new AtomicInteger();
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** A Tuesday morning in Beijing. */
    private static final Instant T0 = LocalDateTime.of(2026, 3, 10, 10, 0).atZone(BEIJING).toInstant();

    /** Respond within 30 min, resolve within 48 h; the shipped ladder's rungs and their recipients. */
    private static final String POLICY = """
            {"name": "One language", "levelDecision": "faultLevel",
             "levels": [
               {"code": "1", "name": "L1", "clocks": [{"clock": "RESPONSE", "target": "PT30M"}, {"clock": "RESOLUTION", "target": "PT48H"}]},
               {"code": "2", "name": "L2", "clocks": [{"clock": "RESPONSE", "target": "PT30M"}, {"clock": "RESOLUTION", "target": "PT48H"}]},
               {"code": "3", "name": "L3", "clocks": [{"clock": "RESPONSE", "target": "PT30M"}, {"clock": "RESOLUTION", "target": "PT48H"}]}],
             "pauseOn": ["WAITING_CUSTOMER", "WAITING_PARTS", "AWAITING_VENDOR"],
             "escalation": [
               {"name": "WARNING", "percent": 75, "recipients": ["ASSIGNED_ENGINEER", "DESK_LEAD"]},
               {"name": "BREACH", "percent": 100, "recipients": ["ASSIGNED_ENGINEER", "DESK_LEAD", "PROJECT_MANAGER"], "repeat": "PT1H"},
               {"name": "HEAD", "percent": 150, "recipients": ["PROJECT_MANAGER", "DEPARTMENT_HEAD"], "repeat": "PT4H"}]}
            """;

    /** Every code of the enums whose values the product labels, and the rung names a policy file uses. */
    private static final Set<String> DOMAIN_CODES = domainCodes();
    private static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z0-9]*\\b");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");
    /** Han characters and CJK / full-width punctuation (【】，：（）). */
    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");

    @Autowired CreatePolicy createPolicy;
    @Autowired SaveContract saveContract;
    @Autowired ClockEvaluation clockEvaluation;
    @Autowired ClockLogBook clockLogBook;
    @Autowired AccountService accounts;
    @Autowired EngineerService engineers;
    @Autowired DeliveryWorker deliveryWorker;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    /** What the reader of one language chose: their people, their site, what the caller said. */
    private record Case(String language, String engineer, String lead, String pm, String siteName, String requester,
            String title, String description) {
        List<String> userChosen(Ticket ticket) {
            return List.of(ticket.getNumber(), engineer, lead, pm, siteName, requester, title, description);
        }
    }

    private static final Case CHINESE_CASE = new Case("zh-CN", "ol-eng-zh", "ol-lead-zh", "ol-pm-zh", "西单路口",
            "李雷", "西单路口摄像机无画面", "今天早上八点起黑屏");
    private static final Case ENGLISH_CASE = new Case("en", "ol-eng-en", "ol-lead-en", "ol-pm-en", "Xidan crossing",
            "Li Lei", "Camera at Xidan crossing shows no picture", "Black screen since eight this morning");

    @BeforeEach
    void noDeliveriesOfOtherTests() {
        // the worker sends every pending delivery in the shared database; only this test's may reach the robot
        jdbc.update("delete from notification_delivery");
    }

    @Test
    void aChineseContractAndAChineseReaderReadOnlyChinese() throws Exception {
        try (WebhookReceiver wecom = new WebhookReceiver()) {
            Escalated escalated = escalate(CHINESE_CASE, wecom);

            String robotText = onlyRobotText(wecom);
            assertThat(robotText).contains("第1档升级", escalated.number(), "响应", "剩余 7分钟", CHINESE_CASE.siteName(),
                    CHINESE_CASE.engineer(), CHINESE_CASE.title());
            assertChineseOnly("WeCom", robotText, escalated);

            List<String> inApp = inAppMessages(CHINESE_CASE.lead(), "zh-CN", escalated.ticket());
            assertThat(inApp).hasSize(2).anySatisfy(m -> assertThat(m).contains("第2档升级", "响应"));
            inApp.forEach(m -> assertChineseOnly("in-app", m, escalated));

            List<String> timeline = escalationLines(escalated.ticket(), "zh-CN,zh;q=0.9");
            assertThat(timeline).hasSize(2).first().asString().contains("第1档升级", "响应");
            timeline.forEach(line -> assertChineseOnly("timeline", line, escalated));

            List<List<String>> sheet = export(CHINESE_CASE, "?lang=zh-CN", null);
            assertThat(sheet.get(0)).contains("工单", "工单状态", "时限", "计时状态", "风险");
            assertThat(sheet).anySatisfy(row -> assertThat(row).contains(escalated.number(), "3级", "已派单", "响应", "已超时",
                    "2026-03-10 10:30", "第2档升级 · 超时"));
            sheet.forEach(row -> row.forEach(cell -> assertChineseOnly("Excel", cell, escalated)));

            // the same notification, read by someone whose screen is in English, is English: the reader decides in-app
            assertThat(inAppMessages(CHINESE_CASE.lead(), "en", escalated.ticket()))
                    .anySatisfy(m -> assertThat(m).contains("Escalation step 2", "Response"));
        }
    }

    @Test
    void anEnglishContractAndAnEnglishReaderReadOnlyEnglish() throws Exception {
        try (WebhookReceiver wecom = new WebhookReceiver()) {
            Escalated escalated = escalate(ENGLISH_CASE, wecom);

            String robotText = onlyRobotText(wecom);
            assertThat(robotText).contains("Escalation step 1", escalated.number(), "Response", "due in 7m",
                    ENGLISH_CASE.siteName(), ENGLISH_CASE.engineer(), ENGLISH_CASE.title());
            assertEnglishOnly("WeCom", robotText);

            List<String> inApp = inAppMessages(ENGLISH_CASE.lead(), "en-US,en;q=0.9", escalated.ticket());
            assertThat(inApp).hasSize(2).anySatisfy(m -> assertThat(m).contains("Escalation step 2", "Response"));
            inApp.forEach(m -> assertEnglishOnly("in-app", m));

            List<String> timeline = escalationLines(escalated.ticket(), "en");
            assertThat(timeline).hasSize(2).first().asString().contains("Escalation step 1", "Response");
            timeline.forEach(line -> assertEnglishOnly("timeline", line));

            // no lang parameter: the Accept-Language header decides
            List<List<String>> sheet = export(ENGLISH_CASE, "", "en");
            assertThat(sheet.get(0)).contains("Ticket", "Status", "Clock", "Clock state", "Risk");
            assertThat(sheet).anySatisfy(row -> assertThat(row).contains(escalated.number(), "Level 3", "Response", "Overdue",
                    "2026-03-10 10:30", "Escalation step 2 · Breach"));
            sheet.forEach(row -> row.forEach(cell -> assertEnglishOnly("Excel", cell)));
        }
    }

    @Test
    void anExportInALanguageTheProductDoesNotSpeakIsRefusedNamingTheParameter() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("t-sup", PASSWORD);
        ResponseEntity<String> r = rest.exchange("/api/sla/board.xlsx?lang=fr", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"lang\"");
    }

    // ---- the case ----

    private record Escalated(Ticket ticket, String number, List<String> userChosen) {
    }

    /**
     * Reported at T0 on a contract in the case's language with the WeCom robot on, dispatched to the case's
     * engineer, then the warning (75 %) and breach (100 %) rungs of the response clock fire on time; read a minute later.
     */
    private Escalated escalate(Case c, WebhookReceiver wecom) throws Exception {
        accounts.createIfAbsent(c.engineer(), PASSWORD, c.engineer(), Set.of(Role.ENGINEER));
        accounts.createIfAbsent(c.lead(), PASSWORD, c.lead(), Set.of(Role.SERVICE_DESK));
        accounts.createIfAbsent(c.pm(), PASSWORD, c.pm(), Set.of(Role.SERVICE_DESK));
        if (!engineers.exists(c.engineer())) {
            engineers.create(c.engineer(), c.engineer(), "13900000009", "Team " + c.language());
        }
        Site here = assets.createSite(new NewSite(site.getCustomer().getId(), c.siteName(), "1 Xidan Road", Region.CITY,
                c.requester(), "13900000000"));
        String code = "T_ONE_LANGUAGE_" + POLICIES.incrementAndGet();
        createPolicy.create(new CreatePolicy.Command(code, JSON.readValue(POLICY, PolicyDefinition.class)));
        saveContract.save(site.getCustomer().getId(), new ContractSettings("Contract " + c.language(), code,
                CalendarKind.SEVEN_BY_24, "Asia/Shanghai", c.lead(), c.pm(), null, null, false,
                wecom.url("/cgi-bin/webhook/send?key=one-language-" + c.language()), null, null, null, null, c.language()));

        clock.set(T0);
        Ticket ticket = reportFault.report(new NewTicket(Channel.HOTLINE, c.requester(), null, "13900000000", here.getId(), null,
                Category.DEFECT, Grade.LOW, Grade.LOW, c.title(), c.description()), null).ticket();
        clock.set(T0.plus(Duration.ofMinutes(1)));
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", c.engineer()));

        fireEscalationTimer(ticket, T0.plus(Duration.ofSeconds(22 * 60 + 30)));
        assertThat(deliveryWorker.deliverDue()).as("the warning's one robot message").isEqualTo(1);
        fireEscalationTimer(ticket, T0.plus(Duration.ofMinutes(30)));
        clock.set(T0.plus(Duration.ofMinutes(31))); // a minute past the deadline: the board shows it overdue

        Ticket now = tickets.get(ticket.getId());
        assertThat(now.getStatus()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(now.getEscalationLevel()).isEqualTo(2);
        assertThat(clockEvaluation.clocks(tickets.clockTicket(ticket.getId()))).filteredOn(s -> s.clock() == ClockName.RESPONSE)
                .singleElement().extracting(ClockStatus::state).isEqualTo(ClockState.BREACHED);
        assertThat(clockLogBook.clockLog(ticket.getId())).filteredOn(l -> l.getKind() == ClockLog.Kind.ESCALATED)
                .extracting(ClockLog::getDetail).first().asString().contains(c.engineer(), c.lead());
        return new Escalated(now, now.getNumber(), c.userChosen(now));
    }

    private void fireEscalationTimer(Ticket t, Instant due) {
        ProcessInstance p = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(tickets.get(t.getId()).getNumber()).singleResult();
        Job job = managementService.createJobQuery().processInstanceId(p.getId()).timers().singleResult();
        assertThat(job.getDuedate().toInstant()).isEqualTo(due);
        clock.set(due);
        managementService.executeJob(job.getId());
    }

    // ---- what people read ----

    private String onlyRobotText(WebhookReceiver wecom) {
        assertThat(wecom.received()).hasSize(1);
        JsonNode payload = wecom.received().get(0).json();
        assertThat(payload.path("msgtype").asText()).isEqualTo("text");
        return payload.path("text").path("content").asText();
    }

    private List<String> inAppMessages(String user, String acceptLanguage, Ticket ticket) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        // every page: other tests of the shared context leave notifications to the desk dated by their own clocks, some
        // newer than this case's, so the case's two need not be on the first page
        List<String> messages = new ArrayList<>();
        for (int page = 0; ; page++) {
            ResponseEntity<JsonNode> r = rest.exchange("/api/notifications?size=100&page=" + page, HttpMethod.GET,
                    new HttpEntity<>(headers), JsonNode.class);
            assertThat(r.getStatusCode().value()).isEqualTo(200);
            if (r.getBody().isEmpty()) {
                return messages;
            }
            r.getBody().forEach(n -> {
                if (n.path("ticketId").asLong() == ticket.getId()) {
                    messages.add(n.path("message").asText());
                }
            });
        }
    }

    /** The escalation lines of the case's timeline (the other lines are written by the ticket's own use cases). */
    private List<String> escalationLines(Ticket ticket, String acceptLanguage) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("t-sup", PASSWORD);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        ResponseEntity<JsonNode> r = rest.exchange("/api/tickets/" + ticket.getId(), HttpMethod.GET, new HttpEntity<>(headers),
                JsonNode.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        r.getBody().path("timeline").forEach(e -> {
            if (e.path("type").asText().equals("ESCALATED")) {
                lines.add(e.path("message").asText());
            }
        });
        return lines;
    }

    /** The board export of this case's engineer, read back cell by cell (a row per live clock after the header). */
    private List<List<String>> export(Case c, String query, String acceptLanguage) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("t-sup", PASSWORD);
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        String path = "/api/sla/board.xlsx" + (query.isEmpty() ? "?" : query + "&") + "engineer=" + c.engineer();
        ResponseEntity<byte[]> r = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(r.getBody()));
                Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell == null ? "" : cell.getText()));
                rows.add(cells);
            });
        }
        assertThat(rows).as("header, the response and the resolution clock").hasSize(3);
        return rows;
    }

    // ---- the language rules ----

    private static void assertNoCodes(String where, String text) {
        for (String code : DOMAIN_CODES) {
            assertThat(Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(code) + "(?![A-Za-z0-9_])").matcher(text).find())
                    .as("%s shows the code %s: %s", where, code, text).isFalse();
        }
        Matcher camel = CAMEL_CASE.matcher(text);
        assertThat(camel.find()).as("%s shows a field id: %s", where, text).isFalse();
    }

    private static void assertChineseOnly(String where, String text, Escalated escalated) {
        assertNoCodes(where, text);
        String rest = text;
        for (String chosen : escalated.userChosen()) {
            rest = rest.replace(chosen, " ");
        }
        Matcher english = LATIN_WORD.matcher(rest);
        assertThat(english.find()).as("%s has an English word in Chinese text: %s", where, text).isFalse();
    }

    private static void assertEnglishOnly(String where, String text) {
        assertNoCodes(where, text);
        assertThat(CHINESE.matcher(text).find()).as("%s has Chinese in English text: %s", where, text).isFalse();
    }

    private static Set<String> domainCodes() {
        Set<String> codes = new LinkedHashSet<>(List.of("WARNING", "BREACH", "HEAD"));
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(TicketStatus.class, ClockName.class,
                ClockState.class, ClockStatus.Risk.class, Region.class, Channel.class, Category.class, Grade.class,
                RecipientRole.class, CalendarKind.class, TimeBasis.class, ClockLog.Kind.class, DeliveryChannel.class,
                DeliveryStatus.class, Role.class, DeviceType.class, Evaluation.Outcome.class)) {
            Arrays.stream(type.getEnumConstants()).forEach(e -> codes.add(e.name()));
        }
        return codes;
    }
}
