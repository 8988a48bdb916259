package com.aftercare.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.aftercare.notify.DeliveryChannel;
import com.aftercare.notify.DeliveryStatus;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockLog;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.RecipientRole;
import com.aftercare.sla.TimeBasis;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every code the product shows has a label in Simplified Chinese and in English, in the one pair of bundles
 * both the backend and the frontend read. A new enum constant, BPMN form field, option, task, policy level or
 * escalation step without its label fails here, naming it, before a user ever sees the raw code.
 */
class LabelsTest {

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final Labels labels = new Labels();

    /** group -> codes that must have a label in both languages. */
    private static Map<String, List<String>> domainCodes() {
        return Map.ofEntries(
                Map.entry("status", names(TicketStatus.values())),
                Map.entry("channel", names(Channel.values())),
                Map.entry("surveyKind", names(com.aftercare.survey.SurveyKind.values())),
                Map.entry("surveyStatus", names(com.aftercare.survey.SurveyStatus.values())),
                Map.entry("answerChannel", names(com.aftercare.survey.AnswerChannel.values())),
                Map.entry("requestType", names(com.aftercare.ticket.RequestType.values())),
                Map.entry("serviceItem", names(com.aftercare.ticket.ServiceItem.values())),
                Map.entry("grade", names(Grade.values())),
                Map.entry("category", names(Category.values())),
                Map.entry("clock", names(ClockName.values())),
                Map.entry("clockState", names(ClockState.values())),
                Map.entry("risk", names(ClockStatus.Risk.values())),
                Map.entry("basis", names(TimeBasis.values())),
                Map.entry("calendar", names(CalendarKind.values())),
                Map.entry("clockEvent", names(ClockLog.Kind.values())),
                Map.entry("recipientRole", names(RecipientRole.values())),
                Map.entry("deliveryChannel", names(DeliveryChannel.values())),
                Map.entry("deliveryStatus", names(DeliveryStatus.values())),
                // the hold reasons and deliverable kinds the ticket use cases accept and Resolved.how: strings, not enums
                Map.entry("holdReason", List.of("WAITING_CUSTOMER", "WAITING_PARTS")),
                Map.entry("deliverable", List.of("SOLUTION_PLAN", "CONTINGENCY_PLAN", "FAULT_REPORT")),
                Map.entry("resolution", List.of("AT_DESK", "ON_SITE")),
                // issue 16: the KPI dashboard's figures, units and drill-down parts
                Map.entry("kpiName", names(com.aftercare.kpi.KpiName.values())),
                Map.entry("kpiUnit", names(com.aftercare.kpi.KpiName.Unit.values())),
                Map.entry("kpiPart", names(com.aftercare.kpi.DrillPart.values())),
                // RP-4: configuration items' kinds, statuses, relations, targets and history lines
                Map.entry("configKind", names(com.aftercare.configitem.ConfigItemKind.values())),
                Map.entry("configStatus", names(com.aftercare.configitem.ConfigItemStatus.values())),
                Map.entry("configRelation", names(com.aftercare.configitem.ConfigRelation.values())),
                Map.entry("configTarget", names(com.aftercare.configitem.ReadConfigItems.TargetType.values())),
                Map.entry("configAction", names(com.aftercare.configitem.ConfigItemAction.values())),
                // RP-6: security incidents' kinds, impacts, statuses and the lines of their course
                Map.entry("securityKind", names(com.aftercare.securityincident.SecurityIncidentKind.values())),
                Map.entry("securityImpact", names(com.aftercare.securityincident.SecurityImpact.values())),
                Map.entry("securityStatus", names(com.aftercare.securityincident.SecurityIncidentStatus.values())),
                // FW-6: a transfer between warehouses, on the road or received
                Map.entry("transferStatus", names(com.aftercare.stock.TransferStatus.values())),
                // PM-3: a meteorological warning's colour
                Map.entry("warningLevel", names(com.aftercare.weatherwarning.WarningLevel.values())),
                Map.entry("securityAction", names(com.aftercare.securityincident.SecurityIncidentAction.values())));
    }

    @Test
    void everyDomainCodeHasALabelInBothLanguages() {
        List<String> missing = new ArrayList<>();
        domainCodes().forEach((group, codes) -> codes.forEach(code -> missingIn(group, code, missing)));
        assertThat(missing).as("codes without a label in labels/*.json").isEmpty();
    }

    @Test
    void everyFormFieldOptionAndUserTaskOfTheShippedModelsHasALabel() throws Exception {
        List<String> missing = new ArrayList<>();
        int fields = 0;
        for (Document model : shippedModels()) {
            NodeList tasks = model.getElementsByTagNameNS(BPMN_NS, "userTask");
            for (int i = 0; i < tasks.getLength(); i++) {
                missingIn("task", ((Element) tasks.item(i)).getAttribute("id"), missing);
            }
            NodeList formFields = model.getElementsByTagNameNS(CAMUNDA_NS, "formField");
            for (int i = 0; i < formFields.getLength(); i++) {
                Element field = (Element) formFields.item(i);
                String id = field.getAttribute("id");
                missingIn("form", id, missing);
                fields++;
                NodeList values = field.getElementsByTagNameNS(CAMUNDA_NS, "value");
                for (int v = 0; v < values.getLength(); v++) {
                    missingIn("option." + id, ((Element) values.item(v)).getAttribute("id"), missing);
                }
            }
        }
        assertThat(fields).as("form fields found in the shipped models").isGreaterThan(15);
        assertThat(missing).as("form fields, options and tasks without a label").isEmpty();
    }

    @Test
    void everyShippedPolicyHasItsNameLevelNamesEscalationStepsAndPauseReasonsLabelled() throws IOException {
        List<String> missing = new ArrayList<>();
        Resource[] policies = new PathMatchingResourcePatternResolver().getResources("classpath*:sla/policies/*.json");
        assertThat(policies).hasSizeGreaterThanOrEqualTo(4);
        for (Resource file : policies) {
            String code = file.getFilename().replace(".json", "");
            JsonNode policy;
            try (InputStream in = file.getInputStream()) {
                policy = new ObjectMapper().readTree(in);
            }
            missingIn("policy", code, missing);
            policy.path("levels").forEach(level -> missingIn("levelName." + code, level.path("code").asText(), missing));
            policy.path("escalation").forEach(step -> missingIn("escalation", step.path("name").asText(), missing));
            for (JsonNode pause : policy.path("pauseOn")) {
                String reason = pause.asText();
                for (Locale language : Labels.LANGUAGES) {
                    if (labels.find(language, "holdReason", reason).isEmpty() && labels.find(language, "status", reason).isEmpty()) {
                        missing.add(language + " pause reason " + reason + " of " + code);
                    }
                }
            }
        }
        assertThat(missing).as("policy words without a label").isEmpty();
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        assertThat(new TreeSet<>(labels.keys(Labels.EN))).isEqualTo(new TreeSet<>(labels.keys(Labels.ZH)));
        for (String key : labels.keys(Labels.EN)) {
            String en = labels.find(Labels.EN, key.substring(0, key.lastIndexOf('.')), key.substring(key.lastIndexOf('.') + 1)).orElseThrow();
            String zh = labels.find(Labels.ZH, key.substring(0, key.lastIndexOf('.')), key.substring(key.lastIndexOf('.') + 1)).orElseThrow();
            assertThat(placeholders(zh)).as(key).isEqualTo(placeholders(en));
            assertThat(zh.isBlank() || en.isBlank()).as(key + " is blank").isFalse();
        }
    }

    @Test
    void chineseLabelsAreChineseAndEnglishLabelsHaveNoChinese() {
        for (String key : labels.keys(Labels.EN)) {
            String group = key.substring(0, key.lastIndexOf('.'));
            String code = key.substring(key.lastIndexOf('.') + 1);
            assertThat(labels.find(Labels.EN, group, code).orElseThrow()).as(key).doesNotContainPattern("\\p{IsHan}");
        }
        // a Chinese label may carry digits, symbols, "SLA", "UPS", file formats (Excel, JSON), the protocol names of the device checks (issue 14:
        // HTTP, RTSP, ONVIF, SNMP, PTZ, TLS, GB, as Chinese integrators write them) or a placeholder, but not English words
        for (String key : labels.keys(Labels.ZH)) {
            String group = key.substring(0, key.lastIndexOf('.'));
            String code = key.substring(key.lastIndexOf('.') + 1);
            String zh = labels.find(Labels.ZH, group, code).orElseThrow().replaceAll("\\{\\{\\w+}}", "");
            assertThat(zh.replaceAll("\\b(SLA|UPS|IP|URL|TCP|Excel|JSON|HTTP|RTSP|ONVIF|SNMP|PTZ|TLS|GB)\\b", "")).as(key).doesNotContainPattern("[A-Za-z]{2,}");
        }
    }

    @Test
    void faultLevelsAndEscalationRungsReadDifferently() {
        assertThat(labels.faultLevel(Labels.ZH, "SIX_LEVEL", "3")).isEqualTo("3级");
        assertThat(labels.faultLevel(Labels.EN, "SIX_LEVEL", "3")).isEqualTo("Level 3");
        assertThat(labels.faultLevel(Labels.ZH, "CLASS_ABCD", "B")).isEqualTo("B类");
        assertThat(labels.faultLevel(Labels.EN, "CLASS_ABCD", "B")).isEqualTo("Class B");
        assertThat(labels.rung(Labels.ZH, 3)).isEqualTo("第3档升级").doesNotContain("3级");
        assertThat(labels.rung(Labels.EN, 3)).isEqualTo("Escalation step 3").doesNotContain("Level 3");
        assertThat(labels.rungs(Labels.ZH, List.of(1, 2, 3))).isEqualTo("第1、2、3档升级");
        assertThat(labels.rungs(Labels.EN, List.of(1, 2))).isEqualTo("Escalation steps 1, 2");
        assertThat(labels.levelName(Labels.ZH, "SIX_LEVEL", "3")).contains("主备均不可用");
    }

    @Test
    void theProjectManagerClockIsAReportToTheProjectManager() {
        assertThat(labels.label(Labels.ZH, "clock", ClockName.PM_REPORT)).isEqualTo("上报项目经理");
        assertThat(labels.label(Labels.EN, "clock", ClockName.PM_REPORT)).isEqualTo("Report to the project manager");
    }

    @Test
    void durationsAreToTheMinuteInEachLanguage() {
        Duration d = Duration.ofHours(4).plusMinutes(50).plusSeconds(31);
        assertThat(labels.duration(Labels.ZH, d)).isEqualTo("4小时50分");
        assertThat(labels.duration(Labels.EN, d)).isEqualTo("4h 50m");
        assertThat(labels.duration(Labels.ZH, Duration.ofMinutes(15))).isEqualTo("15分钟");
        assertThat(labels.duration(Labels.EN, Duration.ofDays(2).plusHours(3))).isEqualTo("2d 3h");
    }

    @Test
    void theReadersLanguageFollowsAcceptLanguageWithChineseAsDefault() {
        assertThat(Labels.language("en-US,en;q=0.9")).isEqualTo(Labels.EN);
        assertThat(Labels.language("zh-TW")).isEqualTo(Labels.ZH);
        assertThat(Labels.language("de-DE, en;q=0.5")).isEqualTo(Labels.EN);
        assertThat(Labels.language("fr")).isEqualTo(Labels.ZH);
        assertThat(Labels.language((String) null)).isEqualTo(Labels.ZH);
    }

    @Test
    void aCodeWithoutALabelFailsLoudlyRatherThanShowingTheCode() {
        assertThatThrownBy(() -> labels.label(Labels.ZH, "clock", "NO_SUCH_CLOCK"))
                .isInstanceOf(Labels.MissingLabelException.class).hasMessageContaining("clock.NO_SUCH_CLOCK");
    }

    private void missingIn(String group, String code, List<String> missing) {
        for (Locale language : Labels.LANGUAGES) {
            if (labels.find(language, group, code).isEmpty()) {
                missing.add(language.toLanguageTag() + " " + group + "." + code);
            }
        }
    }

    private static List<Document> shippedModels() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn");
        assertThat(files).as("shipped BPMN models on the classpath").isNotEmpty();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        List<Document> models = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                models.add(factory.newDocumentBuilder().parse(in));
            }
        }
        return models;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
