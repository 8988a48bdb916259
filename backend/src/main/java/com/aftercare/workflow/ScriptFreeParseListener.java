package com.aftercare.workflow;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's own last line of defence, whatever route a BPMN file takes (the workbench API, a file
 * in bpmn/, a direct {@code RepositoryService} call): a model with a script task, a script in a
 * listener or I/O mapping, a script condition, any attribute naming a Java class (delegates, form
 * handlers, variable mappings, validators), or a shell or mail task is not deployed at all. The
 * workbench's deployment guard checks the same and more, with friendlier messages; this listener
 * makes sure nothing gets past it.
 */
class ScriptFreeParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseRootElement(Element root, List<ProcessDefinitionEntity> processDefinitions) {
        check(root, null);
    }

    private void check(Element element, String enclosingId) {
        String id = element.attribute("id") != null ? element.attribute("id") : enclosingId;
        String tag = element.getTagName();
        if ("scriptTask".equals(tag)) {
            reject("script-task", id, "script tasks are not allowed");
        }
        if ("script".equals(tag) && isCamunda(element.getUri())) {
            reject("script", id, "scripts in listeners, I/O mappings or conditions are not allowed");
        }
        if ("conditionExpression".equals(tag) && element.attribute("language") != null) {
            reject("script-condition", id, "a condition written in a script language is not allowed");
        }
        for (String attribute : element.attributes()) {
            // camunda:class, camunda:formHandlerClass, camunda:variableMappingClass, …: all instantiate a class
            if (attribute.toLowerCase(java.util.Locale.ROOT).endsWith("class")) {
                reject("java-class", id, "attribute " + attribute + " names a Java class; use a delegate expression");
            }
        }
        if ("constraint".equals(tag) && "validator".equals(element.attribute("name"))) {
            reject("java-class", id, "custom form validators instantiate Java classes");
        }
        String type = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "type");
        if (type != null && !"external".equals(type)) {
            reject("unknown-task-type", id, "task type '" + type + "' is disabled (shell and mail tasks run outside the product)");
        }
        for (Element child : element.elements()) {
            check(child, id);
        }
    }

    private static boolean isCamunda(String uri) {
        return BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri().equals(uri)
                || "http://activiti.org/bpmn".equals(uri);
    }

    private static void reject(String rule, String elementId, String reason) {
        throw new ProcessEngineException("Model rejected by the engine (rule " + rule + ") at element '"
                + (elementId == null ? "?" : elementId) + "': " + reason);
    }
}
