package com.aftercare.modeling;

import static com.aftercare.modeling.ModelXml.attr;
import static com.aftercare.modeling.ModelXml.camunda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The product's contract with its models (VC-1, VC-3, VC-4): whatever a process owner changes, a
 * case is closed only after the customer callback and after a resolution (the field work, or a
 * consultation solved at the desk); a resolution is recorded only after the device was verified;
 * the dispatch process cannot end without that resolution, and verification cannot end without the
 * probe. The field steps (issue 12; FW-2, VC-2): a resolution is recorded only after the customer's tester confirmed
 * the work (user task "confirmCompletion"), and dispatch cannot end without the desk's audit of the service form
 * (user task "auditServiceForm"). Each rule is a reachability question on the flow graph: with the required step taken out,
 * can a token still get from a start event to the guarded step (or to the end)? If so, the rule
 * names the guarded element and one offending path.
 */
final class CaseContractRules {

    static final String CLOSE_STEP = "closeTicketDelegate";
    static final String RESOLUTION_STEP = "recordResolutionDelegate";
    static final String DESK_RESOLUTION_STEP = "recordDeskResolutionDelegate";
    static final String CALLBACK_PROCESS = "customerCallback";
    static final String DISPATCH_PROCESS = "dispatch";
    static final String VERIFICATION_PROCESS = "verification";
    static final String CASE_PROCESS = "faultIntake";
    static final String PROBE_TOPIC = "device-probe";
    static final String CONFIRMATION_TASK = "confirmCompletion";
    static final String AUDIT_TASK = "auditServiceForm";

    private static final Set<String> CONTAINERS = Set.of("subProcess", "transaction", "adHocSubProcess");
    private static final Set<String> NOT_FLOW_NODES = Set.of("sequenceFlow", "laneSet", "dataObject",
            "dataObjectReference", "dataStoreReference", "textAnnotation", "association", "documentation",
            "extensionElements", "ioSpecification", "property", "group", "category");

    private CaseContractRules() {
    }

    static List<ModelViolation> check(Document document) {
        List<ModelViolation> violations = new ArrayList<>();
        for (Element process : ModelXml.list(document.getElementsByTagNameNS(ModelXml.BPMN_NS, "process"))) {
            if (!ModelXml.isExecutable(process)) {
                continue;
            }
            checkProcess(process, violations);
        }
        return violations;
    }

    private static void checkProcess(Element process, List<ModelViolation> violations) {
        FlowGraph graph = FlowGraph.of(process);
        String key = attr(process, "id");
        Predicate<Element> close = delegate(CLOSE_STEP);
        Predicate<Element> resolution = delegate(RESOLUTION_STEP);
        Predicate<Element> callback = calls(CALLBACK_PROCESS);
        Predicate<Element> verification = calls(VERIFICATION_PROCESS);
        Predicate<Element> probe = e -> "external".equals(camunda(e, "type")) && PROBE_TOPIC.equals(camunda(e, "topic"));
        Predicate<Element> confirmation = userTask(CONFIRMATION_TASK);
        Predicate<Element> audit = userTask(AUDIT_TASK);

        if (CASE_PROCESS.equals(key)) {
            requirePresent(graph, process, close, "the close step (${" + CLOSE_STEP + "})", violations);
            requirePresent(graph, process, callback, "the customer callback (call activity of '" + CALLBACK_PROCESS + "')", violations);
        }
        if (DISPATCH_PROCESS.equals(key)) {
            requirePresent(graph, process, resolution, "the resolution step (${" + RESOLUTION_STEP + "})", violations);
            requirePresent(graph, process, verification, "device verification (call activity of '" + VERIFICATION_PROCESS + "')", violations);
            requirePresent(graph, process, confirmation, "the customer's completion confirmation (user task '" + CONFIRMATION_TASK + "')", violations);
            requirePresent(graph, process, audit, "the desk's audit of the service form (user task '" + AUDIT_TASK + "')", violations);
        }
        if (VERIFICATION_PROCESS.equals(key)) {
            requirePresent(graph, process, probe, "the device probe (external task '" + PROBE_TOPIC + "')", violations);
        }
        for (Predicate<Element> step : List.of(close, resolution, callback, verification, probe,
                calls(DISPATCH_PROCESS), delegate(DESK_RESOLUTION_STEP), confirmation, audit)) {
            for (Element e : graph.nodesMatching(step)) {
                if (ModelXml.children(e).stream().anyMatch(c -> "multiInstanceLoopCharacteristics".equals(c.getLocalName()))) {
                    violations.add(new ModelViolation("contract-step-multi-instance", attr(e, "id"), attr(e, "name"),
                            "'" + label(e) + "' is part of the product's contract and must run exactly once, not as a loop"));
                }
            }
        }
        for (Element target : graph.nodesMatching(close)) {
            graph.pathAvoiding(target, callback, true).ifPresent(path -> violations.add(violation(
                    "contract-close-without-callback", target,
                    "A case can reach '" + label(target) + "' without the customer callback (VC-4)", path)));
            graph.pathAvoiding(target, calls(DISPATCH_PROCESS).or(delegate(DESK_RESOLUTION_STEP)), true)
                    .ifPresent(path -> violations.add(violation("contract-close-without-resolution", target,
                            "A case can reach '" + label(target) + "' without being resolved (dispatch or desk resolution)", path)));
        }
        for (Element target : graph.nodesMatching(resolution)) {
            graph.pathAvoiding(target, verification, true).ifPresent(path -> violations.add(violation(
                    "contract-resolution-without-verification", target,
                    "'" + label(target) + "' can be reached without verifying the device (VC-1, VC-3)", path)));
        }
        if (DISPATCH_PROCESS.equals(key)) {
            for (Element target : graph.nodesMatching(resolution)) {
                graph.pathAvoiding(target, confirmation, true).ifPresent(path -> violations.add(violation(
                        "contract-resolution-without-confirmation", target,
                        "'" + label(target) + "' can be reached without the customer's tester confirming the work (VC-2)", path)));
            }
            if (!graph.nodesMatching(audit).isEmpty()) {
                graph.completionAvoiding(audit).ifPresent(path -> violations.add(violation(
                        "contract-dispatch-ends-unaudited", graph.element(path.get(path.size() - 1)),
                        "Dispatch can end without the desk auditing the service form (FW-2)", path)));
            }
        }
        if (!graph.nodesMatching(resolution).isEmpty()) {
            graph.completionAvoiding(resolution).ifPresent(path -> violations.add(violation(
                    "contract-dispatch-ends-unverified", graph.element(path.get(path.size() - 1)),
                    "The process can end without recording a verified resolution", path)));
        }
        if (VERIFICATION_PROCESS.equals(key) && !graph.nodesMatching(probe).isEmpty()) {
            graph.completionAvoiding(probe).ifPresent(path -> violations.add(violation(
                    "contract-verification-without-probe", graph.element(path.get(path.size() - 1)),
                    "Verification can end without probing the device", path)));
        }
    }

    private static void requirePresent(FlowGraph graph, Element process, Predicate<Element> step, String what,
            List<ModelViolation> violations) {
        if (graph.nodesMatching(step).isEmpty()) {
            violations.add(new ModelViolation("contract-step-missing", attr(process, "id"), attr(process, "name"),
                    "Process '" + attr(process, "id") + "' must contain " + what));
        }
    }

    private static ModelViolation violation(String rule, Element target, String message, List<String> path) {
        return new ModelViolation(rule, attr(target, "id"), attr(target, "name"), message + ". Path: " + String.join(" → ", path));
    }

    private static String label(Element e) {
        return attr(e, "name") != null ? attr(e, "name") : attr(e, "id");
    }

    /** A node whose own delegate, or the delegate of its message event definition, is {@code bean}. */
    static Predicate<Element> delegate(String bean) {
        return e -> namesDelegate(e, bean) || ModelXml.children(e).stream()
                .anyMatch(d -> d.getLocalName().endsWith("EventDefinition") && namesDelegate(d, bean));
    }

    private static boolean namesDelegate(Element e, String bean) {
        String expression = camunda(e, "delegateExpression");
        return expression != null && expression.replaceAll("[\\s$#{}]", "").equals(bean);
    }

    /** The user task of this id: the field steps are known by their task keys, as the field feature records them. */
    static Predicate<Element> userTask(String id) {
        return e -> "userTask".equals(e.getLocalName()) && id.equals(attr(e, "id"));
    }

    static Predicate<Element> calls(String processKey) {
        return e -> "callActivity".equals(e.getLocalName()) && processKey.equals(attr(e, "calledElement"));
    }

    /**
     * Flow nodes as two graph nodes each: "in" (a token arrived) and "out" (the node completed).
     * Only completing a node counts as passing it; boundary events leave from "in". A sub-process's
     * "in" leads to its start events, its end events to its "out". Non-interrupting boundary events
     * and event sub-processes are marked, because a token on such a branch does not end its process.
     */
    static final class FlowGraph {
        private static final String START = "start";
        private static final String COMPLETE = "complete";

        private final Map<String, Element> elements = new LinkedHashMap<>();
        private final Map<String, List<String>> edges = new HashMap<>();
        private final Set<String> sideEdges = new HashSet<>();
        private final Set<String> terminateEnds = new HashSet<>();

        static FlowGraph of(Element process) {
            FlowGraph graph = new FlowGraph();
            graph.scope(process, START, COMPLETE);
            return graph;
        }

        Element element(String id) {
            return elements.get(id);
        }

        List<Element> nodesMatching(Predicate<Element> predicate) {
            return elements.values().stream().filter(predicate).toList();
        }

        /** A path from the start to the target's "in" that never completes a node matching {@code required}. */
        Optional<List<String>> pathAvoiding(Element target, Predicate<Element> required, boolean sideBranches) {
            return search(in(attr(target, "id")), required, sideBranches);
        }

        /**
         * A path on which the process completes without passing {@code required}: the main flow reaching
         * the process's end, or any branch reaching a terminate end event.
         */
        Optional<List<String>> completionAvoiding(Predicate<Element> required) {
            Optional<List<String>> main = search(COMPLETE, required, false);
            if (main.isPresent()) {
                return main;
            }
            for (String end : terminateEnds) {
                Optional<List<String>> p = search(in(end), required, true);
                if (p.isPresent()) {
                    return p;
                }
            }
            return Optional.empty();
        }

        private Optional<List<String>> search(String goal, Predicate<Element> required, boolean sideBranches) {
            Map<String, String> parent = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>();
            queue.add(START);
            parent.put(START, null);
            while (!queue.isEmpty()) {
                String node = queue.poll();
                if (node.equals(goal)) {
                    return Optional.of(describe(node, parent));
                }
                for (String next : edges.getOrDefault(node, List.of())) {
                    if (parent.containsKey(next)
                            || !sideBranches && sideEdges.contains(node + ">" + next)
                            || isPassing(node, next, required)) {
                        continue;
                    }
                    parent.put(next, node);
                    queue.add(next);
                }
            }
            return Optional.empty();
        }

        private boolean isPassing(String from, String to, Predicate<Element> required) {
            if (!from.startsWith("in:") || !to.startsWith("out:") || !from.substring(3).equals(to.substring(4))) {
                return false;
            }
            Element element = elements.get(from.substring(3));
            return element != null && required.test(element);
        }

        private List<String> describe(String node, Map<String, String> parent) {
            Deque<String> ids = new ArrayDeque<>();
            for (String n = node; n != null; n = parent.get(n)) {
                if (n.startsWith("in:")) {
                    ids.addFirst(n.substring(3));
                }
            }
            return new ArrayList<>(ids);
        }

        private static String in(String id) {
            return "in:" + id;
        }

        private static String out(String id) {
            return "out:" + id;
        }

        private void edge(String from, String to) {
            edges.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
        }

        /** Adds the scope's flow nodes; {@code entry} leads to its start events, its end events lead to {@code exit}. */
        private void scope(Element scope, String entry, String exit) {
            Map<String, List<String>> linkCatches = new HashMap<>();
            List<Element[]> linkThrows = new ArrayList<>();
            for (Element child : ModelXml.children(scope)) {
                if (!ModelXml.BPMN_NS.equals(child.getNamespaceURI()) || NOT_FLOW_NODES.contains(child.getLocalName())
                        || attr(child, "id") == null) {
                    continue;
                }
                String id = attr(child, "id");
                String local = child.getLocalName();
                elements.put(id, child);
                boolean eventSubProcess = "subProcess".equals(local) && "true".equals(attr(child, "triggeredByEvent"));
                if (eventSubProcess) {
                    boolean interrupting = ModelXml.children(child).stream()
                            .filter(e -> "startEvent".equals(e.getLocalName()))
                            .noneMatch(e -> "false".equals(attr(e, "isInterrupting")));
                    edge(entry, in(id));
                    if (!interrupting) {
                        sideEdges.add(entry + ">" + in(id));
                    }
                    scope(child, in(id), interrupting ? exit : out(id));
                    continue;
                }
                if (CONTAINERS.contains(local)) {
                    scope(child, in(id), out(id));
                } else {
                    edge(in(id), out(id));
                }
                switch (local) {
                    case "startEvent" -> edge(entry, in(id));
                    case "endEvent" -> {
                        boolean topLevel = "process".equals(scope.getLocalName());
                        boolean throwsUp = ModelXml.children(child).stream().anyMatch(e -> "errorEventDefinition".equals(e.getLocalName())
                                || "escalationEventDefinition".equals(e.getLocalName()));
                        // an error or escalation end inside a sub-process leaves through a boundary event, not the normal exit
                        if (topLevel || !throwsUp) {
                            edge(out(id), exit);
                        }
                        if (topLevel && ModelXml.children(child).stream().anyMatch(e -> "terminateEventDefinition".equals(e.getLocalName()))) {
                            terminateEnds.add(id);
                        }
                    }
                    case "boundaryEvent" -> {
                        String attachedTo = in(attr(child, "attachedToRef"));
                        edge(attachedTo, in(id));
                        if ("false".equals(attr(child, "cancelActivity"))) {
                            sideEdges.add(attachedTo + ">" + in(id));
                        }
                    }
                    case "intermediateCatchEvent", "intermediateThrowEvent" -> {
                        for (Element definition : ModelXml.children(child)) {
                            if ("linkEventDefinition".equals(definition.getLocalName())) {
                                String name = attr(definition, "name");
                                if ("intermediateCatchEvent".equals(local)) {
                                    linkCatches.computeIfAbsent(name, k -> new ArrayList<>()).add(id);
                                } else {
                                    linkThrows.add(new Element[] { child, definition });
                                }
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            for (Element[] link : linkThrows) {
                for (String catchId : linkCatches.getOrDefault(attr(link[1], "name"), List.of())) {
                    edge(out(attr(link[0], "id")), in(catchId));
                }
            }
            for (Element flow : ModelXml.children(scope)) {
                if ("sequenceFlow".equals(flow.getLocalName())) {
                    edge(out(attr(flow, "sourceRef")), in(attr(flow, "targetRef")));
                }
            }
        }
    }
}
