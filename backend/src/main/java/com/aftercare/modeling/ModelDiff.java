package com.aftercare.modeling;

import static com.aftercare.modeling.ModelXml.attr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What changed between two versions of a model, element by element, as a process owner reads it:
 * "acceptReminder CHANGED: timerEventDefinition/timeDuration: PT20M → PT5M". Diagram layout (DI)
 * is ignored; an element's content includes everything inside it except nested flow elements,
 * which are reported on their own.
 */
final class ModelDiff {

    enum Kind { ADDED, REMOVED, CHANGED }

    record Change(String elementId, String elementType, String name, Kind change, List<String> details) {
    }

    private static final int MAX_DETAILS = 12;
    /** Elements whose identified children are reported separately. */
    private static final Set<String> CONTAINERS = Set.of("definitions", "process", "subProcess", "transaction",
            "adHocSubProcess", "collaboration", "laneSet", "decision", "decisionTable");
    /** Wiring already shown by the sequence flows themselves. */
    private static final Set<String> SKIPPED = Set.of("incoming", "outgoing", "flowNodeRef");

    private ModelDiff() {
    }

    static List<Change> between(Document before, Document after) {
        Map<String, Element> old = reportable(before);
        Map<String, Element> now = reportable(after);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Element> e : now.entrySet()) {
            Element previous = old.get(e.getKey());
            Element current = e.getValue();
            if (previous == null) {
                changes.add(change(current, Kind.ADDED, List.of()));
                continue;
            }
            List<String> details = compare(content(previous), content(current));
            if (!previous.getLocalName().equals(current.getLocalName())) {
                details.add(0, "type: " + previous.getLocalName() + " → " + current.getLocalName());
            }
            if (!details.isEmpty()) {
                changes.add(change(current, Kind.CHANGED, details));
            }
        }
        for (Map.Entry<String, Element> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                changes.add(change(e.getValue(), Kind.REMOVED, List.of()));
            }
        }
        return changes;
    }

    private static Change change(Element element, Kind kind, List<String> details) {
        List<String> shown = details.size() > MAX_DETAILS
                ? new ArrayList<>(details.subList(0, MAX_DETAILS)) : details;
        if (details.size() > MAX_DETAILS) {
            shown.add("… and " + (details.size() - MAX_DETAILS) + " more");
        }
        return new Change(attr(element, "id"), element.getLocalName(), attr(element, "name"), kind, shown);
    }

    private static boolean semantic(Element e) {
        String ns = String.valueOf(e.getNamespaceURI());
        return !ns.contains("/DI") && !ns.contains("/DD/") && !ns.contains("DMNDI");
    }

    /** Identified elements whose parent is a container (or the root), keyed by id. */
    private static Map<String, Element> reportable(Document document) {
        Map<String, Element> result = new LinkedHashMap<>();
        collect(document.getDocumentElement(), result);
        return result;
    }

    private static void collect(Element container, Map<String, Element> result) {
        for (Element child : ModelXml.children(container)) {
            if (!semantic(child)) {
                continue;
            }
            if (child.hasAttribute("id")) {
                result.put(child.getAttribute("id"), child);
            }
            if (CONTAINERS.contains(child.getLocalName())) {
                collect(child, result);
            }
        }
    }

    /** The element flattened to "path = value" lines, without nested reportable elements. */
    private static Map<String, String> content(Element element) {
        Map<String, String> lines = new LinkedHashMap<>();
        attributes(element, "", lines);
        descend(element, "", lines, CONTAINERS.contains(element.getLocalName()));
        return lines;
    }

    private static void descend(Element element, String path, Map<String, String> lines, boolean container) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Element child : ModelXml.children(element)) {
            String local = child.getLocalName();
            if (!semantic(child) || SKIPPED.contains(local) || container && child.hasAttribute("id")) {
                continue;
            }
            int n = seen.merge(local, 1, Integer::sum);
            String key = child.hasAttribute("name") && !child.hasAttribute("id") ? local + "[" + child.getAttribute("name") + "]"
                    : child.hasAttribute("id") && !"timerEventDefinition".equals(local) && !local.endsWith("Entry")
                            ? local + "[" + child.getAttribute("id") + "]"
                            : n > 1 ? local + "[" + n + "]" : local;
            String childPath = path.isEmpty() ? key : path + "/" + key;
            attributes(child, childPath, lines);
            String text = ownText(child);
            if (!text.isEmpty()) {
                lines.put(childPath, text);
            }
            descend(child, childPath, lines, false);
        }
    }

    private static void attributes(Element element, String path, Map<String, String> lines) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String name = a.getName();
            boolean xsiType = "type".equals(a.getLocalName()) && "http://www.w3.org/2001/XMLSchema-instance".equals(a.getNamespaceURI());
            if ("id".equals(name) || name.startsWith("xmlns") || xsiType) {
                continue;
            }
            lines.put((path.isEmpty() ? "" : path + "@") + name, a.getValue());
        }
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        return text.toString().trim().replaceAll("\\s+", " ");
    }

    private static List<String> compare(Map<String, String> before, Map<String, String> after) {
        List<String> details = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String previous = before.get(e.getKey());
            if (previous == null) {
                details.add(e.getKey() + ": added " + shorten(e.getValue()));
            } else if (!previous.equals(e.getValue())) {
                details.add(e.getKey() + ": " + shorten(previous) + " → " + shorten(e.getValue()));
            }
        }
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                details.add(e.getKey() + ": removed " + shorten(e.getValue()));
            }
        }
        return details;
    }

    private static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 77) + "…" : value;
    }
}
