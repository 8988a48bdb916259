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
    static final int MAX_LOOP = 100;
    /** Methods an expression may call on a value (strings, collections, the execution's variables). */
    static final Set<String> ALLOWED_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal",
            "getVariableTyped", "setVariable", "setVariableLocal", "toString", "equals", "contains", "containsKey", "isEmpty",
            "size", "startsWith", "endsWith", "toUpperCase", "toLowerCase", "trim", "length", "substring", "indexOf");
    /** The engine's own EL functions. */
    static final Set<String> ALLOWED_FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    /** An expression's body: what sits between ${ or #{ and the matching }. */
    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern BRACKET = Pattern.compile("\\[([^\\]]*)]");
    private static final Pattern METHOD_CALL = Pattern.compile("\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern SCOPE_ACCESS = Pattern.compile("(?<![.\\w])(execution|task)\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");
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
            if (ModelXml.isExecutable(process)) {
                executable = true;
                if (camunda(process, "historyTimeToLive") == null || camunda(process, "historyTimeToLive").isBlank()) {
                    violations.add(at("history-time-to-live", process,
                            "Set the history time to live (e.g. P180D): the engine refuses processes without one"));
                }
            }
        }
        if (!executable) {
            violations.add(ModelViolation.file("no-executable-process", "The file has no executable process (isExecutable=\"true\")"));
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
                case "multiInstanceLoopCharacteristics" -> checkMultiInstance(element, violations);
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
                case "constraint" -> {
                    if (!Set.of("required", "readonly", "minlength", "maxlength", "min", "max").contains(attr(element, "name"))) {
                        violations.add(at("unknown-validator", element, "Form validator '" + attr(element, "name")
                                + "' is not provided; use required, readonly, minlength, maxlength, min or max"));
                    }
                }
                default -> {
                }
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (ModelXml.isCamunda(a.getNamespaceURI()) && a.getLocalName().toLowerCase(java.util.Locale.ROOT).endsWith("class")) {
                violations.add(at("java-class", element, "camunda:" + a.getLocalName() + " names a Java class ('" + a.getValue()
                        + "'), which is not allowed; name one of the server's delegates with a delegate expression"));
            }
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
        // a listener is one of Camunda's own extension elements: its attributes are not namespaced (the engine reads
        // them so); a namespaced one is taken too
        String delegate = camunda(listener, "delegateExpression");
        if (delegate == null && listener.hasAttribute("delegateExpression")) {
            delegate = listener.getAttribute("delegateExpression");
        }
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

    /** A loop runs at most so many instances, decided by a fixed number or a variable the server set. */
    private static void checkMultiInstance(Element loop, List<ModelViolation> violations) {
        Element owner = loop.getParentNode() instanceof Element parent ? parent : loop;
        for (Element cardinality : ModelXml.children(loop)) {
            if (!"loopCardinality".equals(cardinality.getLocalName())) {
                continue;
            }
            String value = cardinality.getTextContent() == null ? "" : cardinality.getTextContent().trim();
            boolean plainVariable = value.matches("[$#]\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}");
            boolean smallNumber = value.matches("\\d{1,3}") && Integer.parseInt(value) <= MAX_LOOP;
            if (!plainVariable && !smallNumber) {
                violations.add(at("loop-too-large", owner, "A multi-instance loop runs a fixed number of times up to "
                        + MAX_LOOP + ", or ${variable}; got '" + value + "'"));
            }
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
                if ("timeCycle".equals(definition.getLocalName())) {
                    violations.add(at("timer-invalid", event, "A repeating timer must be a fixed value, not an expression"));
                }
                continue; // a date or duration computed at run time, e.g. ${nextEscalationAt}
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
     * Every ${...} or #{...} anywhere in the model (attributes, and the whole text of each element, so
     * CDATA or comments cannot split one): it may use process variables, a few members of
     * {@code execution}/{@code task}, a few plain-value methods and the engine's date functions;
     * allow-listed beans only as a whole delegate expression; no bracket access by name, no other
     * bean, nothing that reaches the engine, classes or the JVM. The engine enforces the same at run
     * time ({@code GuardedExpressionManager}); this says so before deployment, naming the element.
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
                Attr a = (Attr) attributes.item(i);
                // camunda:delegateExpression on a BPMN element, or the plain delegateExpression of Camunda's own
                // extension elements (camunda:taskListener, camunda:executionListener), as bpmn-js writes them
                boolean delegateAttribute = "delegateExpression".equals(a.getLocalName()) && (ModelXml.isCamunda(a.getNamespaceURI())
                        || a.getNamespaceURI() == null && ModelXml.isCamunda(element.getNamespaceURI()));
                checkExpressionText(element, a.getValue(), delegateAttribute, facts, violations, reported);
            }
            if (ModelXml.children(element).isEmpty()) {
                checkExpressionText(element, element.getTextContent(), false, facts, violations, reported);
            }
        }
    }

    /** The bodies of every ${...} and #{...} in the text, braces inside string literals respected. */
    static List<String> expressions(String text) {
        List<String> bodies = new ArrayList<>();
        int i = 0;
        while ((i = indexOfStart(text, i)) >= 0) {
            int depth = 0;
            char quote = 0;
            int j = i + 2;
            for (; j < text.length(); j++) {
                char c = text.charAt(j);
                if (quote != 0) {
                    if (c == '\\') {
                        j++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                }
            }
            bodies.add(text.substring(i + 2, Math.min(j, text.length())));
            i = j;
        }
        return bodies;
    }

    private static int indexOfStart(String text, int from) {
        int dollar = text.indexOf("${", from);
        int hash = text.indexOf("#{", from);
        return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
    }

    private static void checkExpressionText(Element element, String text, boolean delegateAttribute, ModelFacts facts,
            List<ModelViolation> violations, Set<String> reported) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return;
        }
        for (String raw : expressions(text)) {
            String shown = "${" + raw + "}";
            String body = STRING_LITERAL.matcher(raw).replaceAll("''");
            String problem = expressionProblem(body, delegateAttribute, facts);
            if (problem != null) {
                String rule = problem.startsWith("bean") ? "bean-not-allowed" : "expression-not-allowed";
                add(violations, reported, at(rule, element, "The expression " + shown + " " + problem.replaceFirst("^bean ", "")));
            }
        }
    }

    /** Why an expression body (string literals blanked) is refused, or null. */
    private static String expressionProblem(String body, boolean delegateAttribute, ModelFacts facts) {
        Matcher forbidden = FORBIDDEN_MEMBER.matcher(body);
        if (forbidden.find()) {
            return "reaches '" + forbidden.group(1) + "': expressions may not reach the engine, classes or the JVM";
        }
        Matcher id = ROOT_IDENTIFIER.matcher(body);
        while (id.find()) {
            String name = id.group(1);
            String rest = body.substring(id.end()).stripLeading();
            if (EL_KEYWORDS.contains(name)) {
                continue;
            }
            if (rest.startsWith("(") && !name.contains(":")) {
                if (!ALLOWED_FUNCTIONS.contains(name)) {
                    return "calls the function '" + name + "'; only " + ALLOWED_FUNCTIONS + " are available";
                }
                continue;
            }
            if (facts.allowedBeans().contains(name)) {
                boolean wholeDelegate = delegateAttribute && body.trim().equals(name);
                if (!wholeDelegate) {
                    return "bean uses the delegate '" + name + "' outside a delegate expression; steps call delegates, expressions do not";
                }
            } else if (facts.allBeans().contains(name)) {
                return "bean uses the bean '" + name + "', which is not on the engine's allow-list of delegates and listeners";
            }
        }
        Matcher bracket = BRACKET.matcher(body);
        while (bracket.find()) {
            if (!bracket.group(1).trim().matches("\\d+")) {
                return "uses [" + bracket.group(1).trim() + "]: only numeric indexes are allowed in brackets";
            }
        }
        Matcher call = METHOD_CALL.matcher(body);
        while (call.find()) {
            if (!ALLOWED_METHODS.contains(call.group(1))) {
                return "calls '" + call.group(1) + "': an expression may only call " + new java.util.TreeSet<>(ALLOWED_METHODS);
            }
        }
        Matcher scope = SCOPE_ACCESS.matcher(body);
        while (scope.find()) {
            String member = com.aftercare.workflow.GuardedExpressionManager.plainMember(scope.group(2));
            if (!com.aftercare.workflow.GuardedExpressionManager.SCOPE_MEMBERS.contains(member)) {
                return "uses " + scope.group(1) + "." + scope.group(2) + ": only " + new java.util.TreeSet<>(
                        com.aftercare.workflow.GuardedExpressionManager.SCOPE_MEMBERS) + " of the execution or task";
            }
        }
        return null;
    }

    private static void add(List<ModelViolation> violations, Set<String> reported, ModelViolation v) {
        if (reported.add(v.rule() + "|" + v.elementId() + "|" + v.message())) {
            violations.add(v);
        }
    }
}
