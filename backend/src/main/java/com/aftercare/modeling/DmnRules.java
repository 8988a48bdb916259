package com.aftercare.modeling;

import static com.aftercare.modeling.ModelXml.at;
import static com.aftercare.modeling.ModelXml.attr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Rules for decision tables: expressions only in FEEL or JUEL (a script language would run code),
 * no FEEL functions bound to Java methods, the same bean allow-list as BPMN for JUEL, and at least
 * one decision; a level decision answers only levels its SLA policies define.
 */
final class DmnRules {

    private static final Pattern FEEL_JAVA_FUNCTION = Pattern.compile("\\bexternal\\b[\\s\\S]*\\bjava\\b");

    private DmnRules() {
    }

    static List<ModelViolation> check(Document document, ModelFacts facts) {
        List<ModelViolation> violations = new ArrayList<>();
        List<Element> elements = ModelXml.all(document);
        if (elements.stream().noneMatch(e -> "decision".equals(e.getLocalName()))) {
            violations.add(ModelViolation.file("no-decision", "The file has no decision"));
        }
        for (Element element : elements) {
            String language = attr(element, "expressionLanguage");
            if (language != null && !isFeelOrJuel(language)) {
                violations.add(at("script-expression", element, "Expression language '" + language
                        + "' is not allowed; decision tables use FEEL (or JUEL)"));
            }
            if ("text".equals(element.getLocalName()) && FEEL_JAVA_FUNCTION.matcher(element.getTextContent()).find()) {
                violations.add(at("feel-java-function", element, "FEEL functions bound to Java methods are not allowed"));
            }
        }
        for (Element decision : elements.stream().filter(e -> "decision".equals(e.getLocalName())).toList()) {
            Set<String> levels = facts.levelsByDecision().get(attr(decision, "id"));
            if (levels != null) {
                checkLevels(decision, levels, violations);
            }
        }
        BpmnRules.checkExpressions(document, facts, violations);
        return violations;
    }

    /** Every output of a level decision must be a level the SLA policies using it define. */
    private static void checkLevels(Element decision, Set<String> levels, List<ModelViolation> violations) {
        for (Element entry : ModelXml.list(decision.getElementsByTagNameNS("*", "outputEntry"))) {
            String text = entry.getTextContent() == null ? "" : entry.getTextContent().trim();
            String level = text.replaceAll("^\"|\"$", "");
            if (text.isEmpty() || "-".equals(text) || levels.contains(level)) {
                continue;
            }
            Element rule = entry.getParentNode() instanceof Element parent ? parent : entry;
            violations.add(at("level-not-in-policy", rule, "The decision answers level " + text
                    + ", but the SLA policies using it only know levels " + levels));
        }
    }

    private static boolean isFeelOrJuel(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        return l.contains("feel") || l.equals("juel");
    }
}
