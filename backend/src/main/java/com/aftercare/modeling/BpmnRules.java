package com.aftercare.modeling;

import static com.aftercare.modeling.ModelXml.at;
import static com.aftercare.modeling.ModelXml.attr;
import static com.aftercare.modeling.ModelXml.camunda;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The structural rules for a BPMN model: nothing that runs code the product did not write (scripts,
 * Java classes, shell or mail tasks, connectors, beans outside the allow-list, engine internals),
 * nothing that names what the server does not provide (delegates, topics, called processes,
 * decisions, ticket statuses), and timers the job executor can live with.
 */
final class BpmnRules {

    static final Duration SHORTEST_CYCLE = Duration.ofMinutes(1);

    /** An expression's body: what sits between ${ or #{ and the matching }. */
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern ROOT_IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)");
    /** Words that reach the engine, the class loader or the JVM from an expression. */
    private static final Pattern FORBIDDEN_MEMBER = Pattern.compile(
            "\\b(getClass|class|forName|classLoader|getClassLoader|getRuntime|Runtime|ProcessBuilder|System|Thread"
                    + "|processEngine|getProcessEngine|processEngineServices|getProcessEngineServices"
                    + "|processEngineConfiguration|getProcessEngineConfiguration|ProcessEngines|invoke|newInstance)\\b");
    private static final Set<String> EL_KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
            "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
    private static final Set<String> TASKS_WITH_IMPLEMENTATION = Set.of("serviceTask", "sendTask");
    private static final Pattern CYCLE = Pattern.compile("^R(\\d*)/(.+)$");

    private BpmnRules() {
    }

    static List<ModelViolation> check(Document document, ModelFacts facts) {
        List<ModelViolation> violations = new ArrayList<>();
        Set<String> localProcesses = new HashSet<>();
        boolean executable = false;
        for (Element process : ModelXml.list(document.getElementsByTagNameNS(ModelXml.BPMN_NS, "process"))) {
            localProcesses.add(attr(process, "id"));
            if (!"false".equals(attr(process, "isExecutable"))) {
                executable = true;
                if (camunda(process, "historyTimeToLive") == null || camunda(process, "historyTimeToLive").isBlank()) {
                    violations.add(at("history-time-to-live", process,
                            "Set the history time to live (e.g. P180D): the engine refuses processes without one"));
                }
            }
        }
        if (!executable) {
            violations.add(ModelViolation.file("no-executable-process", "The file has no executable process"));
        }
        for (Element element : ModelXml.all(document)) {
            checkElement(element, facts, localProcesses, violations);
        }
        checkExpressions(document, facts, violations);
        return violations;
    }

    private static void checkElement(Element element, ModelFacts facts, Set<String> localProcesses,
            List<ModelViolation> violations) {
        String ns = element.getNamespaceURI();
        String name = element.getLocalName();
        if (ModelXml.BPMN_NS.equals(ns)) {
            switch (name) {
                case "scriptTask" -> violations.add(at("script-task", element, "Script tasks are not allowed; use a service task with a delegate the server provides"));
                case "conditionExpression" -> {
                    if (attr(element, "language") != null) {
                        violations.add(at("script-condition", element,
                                "Conditions in a script language (" + attr(element, "language") + ") are not allowed; write ${...}"));
                    }
                }
                case "callActivity" -> checkCalledProcess(element, facts, localProcesses, violations);
                case "businessRuleTask" -> checkDecision(element, facts, violations);
                case "timerEventDefinition" -> checkTimer(element, violations);
                default -> {
                }
            }
            if (TASKS_WITH_IMPLEMENTATION.contains(name) || "businessRuleTask".equals(name)) {
                checkImplementation(element, facts, violations);
            }
            if ("messageEventDefinition".equals(name) && camunda(element, "delegateExpression") != null) {
                checkDelegate(element, camunda(element, "delegateExpression"), facts.delegates(), "delegate", violations);
            }
        }
        if (ModelXml.isCamunda(ns)) {
            switch (name) {
                case "script" -> violations.add(scriptViolation(element));
                case "executionListener" -> checkListener(element, facts.executionListeners(), violations);
                case "taskListener" -> checkListener(element, facts.taskListeners(), violations);
                case "connector" -> violations.add(at("unknown-connector", element,
                        "Connectors are not provided by this server; use a delegate or an external task"));
                case "property" -> checkTicketStatus(element, facts, violations);
                default -> {
                }
            }
        }
        if (camunda(element, "class") != null) {
            violations.add(at("java-class", element, "Java class '" + camunda(element, "class")
                    + "' is not allowed; name one of the server's delegates with a delegate expression"));
        }
    }

    private static ModelViolation scriptViolation(Element script) {
        for (Node n = script.getParentNode(); n instanceof Element e; n = e.getParentNode()) {
            String local = e.getLocalName();
            if ("executionListener".equals(local) || "taskListener".equals(local)) {
                return at("script-listener", script, "Listeners may not run scripts; name one of the server's listeners");
            }
            if ("inputOutput".equals(local)) {
                return at("script-io-mapping", script, "Input/output mappings may not run scripts; use a value or ${expression}");
            }
        }
        return at("script", script, "Scripts are not allowed anywhere in a model");
    }

    private static void checkImplementation(Element task, ModelFacts facts, List<ModelViolation> violations) {
        String type = camunda(task, "type");
        String delegate = camunda(task, "delegateExpression");
        boolean hasConnector = task.getElementsByTagNameNS(ModelXml.CAMUNDA_NS, "connector").getLength() > 0;
        if (type != null) {
            if (!"external".equals(type)) {
                violations.add(at("unknown-task-type", task, "Task type '" + type
                        + "' is not provided (shell and mail tasks are disabled); use an external task or a delegate"));
            } else {
                String topic = camunda(task, "topic");
                if (topic == null || !facts.topics().contains(topic)) {
                    violations.add(at("unknown-topic", task, "No worker of this server serves the external-task topic '"
                            + topic + "'; known topics: " + facts.topics()));
                }
            }
            return;
        }
        if (delegate != null) {
            checkDelegate(task, delegate, facts.delegates(), "delegate", violations);
            return;
        }
        boolean businessRule = "businessRuleTask".equals(task.getLocalName());
        if (businessRule && camunda(task, "decisionRef") != null) {
            return;
        }
        if (camunda(task, "expression") == null && camunda(task, "class") == null && !hasConnector) {
            violations.add(at("missing-implementation", task, businessRule
                    ? "A business rule task needs a decision (camunda:decisionRef)"
                    : "A service or send task needs a delegate expression naming one of the server's delegates, or an external-task topic"));
        }
    }

    private static void checkListener(Element listener, Set<String> allowed, List<ModelViolation> violations) {
        String delegate = camunda(listener, "delegateExpression");
        if (delegate != null) {
            checkDelegate(listener, delegate, allowed, "listener", violations);
        }
    }

    private static void checkDelegate(Element element, String expression, Set<String> allowed, String what,
            List<ModelViolation> violations) {
        Matcher m = BEAN_REFERENCE.matcher(expression);
        if (!m.matches()) {
            violations.add(at("unknown-delegate", element, "A " + what + " expression must name one bean, like ${recordResolutionDelegate}; got '"
                    + expression + "'"));
        } else if (!allowed.contains(m.group(1))) {
            violations.add(at("unknown-delegate", element, "The server provides no " + what + " called '" + m.group(1)
                    + "'; available: " + allowed));
        }
    }

    private static void checkCalledProcess(Element callActivity, ModelFacts facts, Set<String> localProcesses,
            List<ModelViolation> violations) {
        String called = attr(callActivity, "calledElement");
        if (called == null || called.isBlank()) {
            violations.add(at("unknown-called-process", callActivity, "A call activity must name the process it calls"));
        } else if (!called.contains("{") && !facts.processKeys().contains(called) && !localProcesses.contains(called)) {
            violations.add(at("unknown-called-process", callActivity, "No process '" + called + "' is deployed"));
        }
    }

    private static void checkDecision(Element task, ModelFacts facts, List<ModelViolation> violations) {
        String decision = camunda(task, "decisionRef");
        if (decision != null && !decision.contains("{") && !facts.decisionKeys().contains(decision)) {
            violations.add(at("unknown-decision", task, "No decision '" + decision + "' is deployed"));
        }
    }

    private static void checkTicketStatus(Element property, ModelFacts facts, List<ModelViolation> violations) {
        if ("ticketStatus".equals(attr(property, "name"))) {
            String value = attr(property, "value");
            if (value == null || !facts.ticketStatuses().contains(value)) {
                violations.add(at("unknown-ticket-status", property, "Ticket status '" + value + "' does not exist; use one of "
                        + facts.ticketStatuses()));
            }
        }
    }

    private static void checkTimer(Element timer, List<ModelViolation> violations) {
        // named after the event that carries the timer, which is what the owner sees and clicks
        Element event = timer.getParentNode() instanceof Element parent ? parent : timer;
        List<Element> definitions = ModelXml.children(timer).stream()
                .filter(e -> Set.of("timeDate", "timeDuration", "timeCycle").contains(e.getLocalName())).toList();
        if (definitions.isEmpty()) {
            violations.add(at("timer-invalid", event, "A timer needs a date, a duration or a cycle"));
            return;
        }
        for (Element definition : definitions) {
            String value = definition.getTextContent() == null ? "" : definition.getTextContent().trim();
            if (value.contains("${") || value.contains("#{")) {
                continue; // computed at run time, e.g. ${nextEscalationAt}
            }
            String problem = switch (definition.getLocalName()) {
                case "timeDuration" -> durationProblem(value);
                case "timeDate" -> dateProblem(value);
                default -> cycleProblem(value);
            };
            if (problem != null) {
                String rule = problem.startsWith("fires") ? "timer-too-frequent" : "timer-invalid";
                violations.add(at(rule, event, problem));
            }
        }
    }

    static String durationProblem(String value) {
        return isoDuration(value) == null ? "'" + value + "' is not an ISO-8601 duration (e.g. PT20M, P1D)" : null;
    }

    private static String dateProblem(String value) {
        try {
            OffsetDateTime.parse(value);
            return null;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(value);
                return null;
            } catch (DateTimeParseException e2) {
                return "'" + value + "' is not an ISO-8601 date-time (e.g. 2026-12-01T09:00:00+08:00)";
            }
        }
    }

    private static String cycleProblem(String value) {
        Matcher m = CYCLE.matcher(value);
        if (m.matches()) {
            String[] parts = m.group(2).split("/");
            for (String part : parts) {
                if (part.startsWith("P")) {
                    Duration every = isoDuration(part);
                    if (every == null) {
                        return "'" + part + "' in the cycle is not an ISO-8601 duration";
                    }
                    if (every.compareTo(SHORTEST_CYCLE) < 0) {
                        return "fires every " + part + "; a repeating timer may fire at most once a minute";
                    }
                    return null;
                }
            }
            return "The cycle '" + value + "' has no duration (e.g. R3/PT1H)";
        }
        String[] fields = value.trim().split("\\s+");
        if (fields.length == 6 || fields.length == 7) {
            return fields[0].matches("\\d{1,2}") ? null
                    : "fires more than once a minute (seconds field '" + fields[0] + "'); use a single second, e.g. 0";
        }
        return "'" + value + "' is neither an ISO-8601 repetition (R3/PT1H) nor a cron expression";
    }

    /** The duration an ISO-8601 value stands for (months as 30 days, years as 365), or null if it is not one. */
    static Duration isoDuration(String value) {
        if (value == null || !value.startsWith("P")) {
            return null;
        }
        try {
            javax.xml.datatype.Duration d = DatatypeFactory.newInstance().newDuration(value);
            long seconds = ((long) d.getYears() * 365 + (long) d.getMonths() * 30 + d.getDays()) * 86_400L
                    + d.getHours() * 3_600L + d.getMinutes() * 60L + d.getSeconds();
            return Duration.ofSeconds(seconds);
        } catch (IllegalArgumentException | UnsupportedOperationException | DatatypeConfigurationException e) {
            return null;
        }
    }

    /**
     * Every ${...} or #{...} anywhere in the model (attributes and text): it may use process variables
     * and the allow-listed beans, but no other bean and nothing that reaches the engine, the class
     * loader or the JVM.
     */
    static void checkExpressions(Document document, ModelFacts facts, List<ModelViolation> violations) {
        Set<String> reported = new HashSet<>();
        for (Element element : ModelXml.all(document)) {
            if ("documentation".equals(element.getLocalName()) || "text".equals(element.getLocalName())
                    && "textAnnotation".equals(((Element) element.getParentNode()).getLocalName())) {
                continue;
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                checkExpressionText(element, ((Attr) attributes.item(i)).getValue(), facts, violations, reported);
            }
            for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    checkExpressionText(element, n.getNodeValue(), facts, violations, reported);
                }
            }
        }
    }

    private static void checkExpressionText(Element element, String text, ModelFacts facts,
            List<ModelViolation> violations, Set<String> reported) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return;
        }
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            String body = STRING_LITERAL.matcher(m.group(1)).replaceAll("''");
            Matcher forbidden = FORBIDDEN_MEMBER.matcher(body);
            if (forbidden.find()) {
                add(violations, reported, at("expression-not-allowed", element, "The expression " + m.group()
                        + " reaches '" + forbidden.group(1) + "': expressions may not reach the engine, classes or the JVM"));
                continue;
            }
            Matcher id = ROOT_IDENTIFIER.matcher(body);
            while (id.find()) {
                String name = id.group(1);
                boolean call = body.substring(id.end()).stripLeading().startsWith("(");
                if (EL_KEYWORDS.contains(name) || call && !facts.allBeans().contains(name)) {
                    continue; // EL operators, and the engine's own functions such as dateTime() or now()
                }
                if (facts.allBeans().contains(name) && !facts.allowedBeans().contains(name)) {
                    add(violations, reported, at("bean-not-allowed", element, "The expression " + m.group() + " uses the bean '"
                            + name + "', which is not on the engine's allow-list of delegates and listeners"));
                }
            }
        }
    }

    private static void add(List<ModelViolation> violations, Set<String> reported, ModelViolation v) {
        if (reported.add(v.rule() + "|" + v.elementId() + "|" + v.message())) {
            violations.add(v);
        }
    }
}
