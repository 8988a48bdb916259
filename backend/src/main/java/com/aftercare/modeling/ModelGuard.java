package com.aftercare.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.PolicyVersion;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.workflow.EngineBeans;
import com.aftercare.workflow.ExternalTaskTopics;

/**
 * The deployment guard: every model that is deployed through the product passes here first,
 * whichever client sent it. It answers with every violation at once, each naming its rule and
 * element, so a process owner can fix them in one go. The engine itself refuses scripts and Java
 * classes again at parse time (see the workflow package), in case a model arrives another way.
 */
@Component
class ModelGuard {

    enum Kind { BPMN, DMN }

    /** A checked model: what kind, the parsed XML, the keys it defines, and what is wrong with it. */
    record Checked(Kind kind, Document document, List<String> keys, List<ModelViolation> violations) {
        boolean ok() {
            return violations.isEmpty();
        }
    }

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.(bpmn|dmn)");

    private final EngineBeans engineBeans;
    private final ApplicationContext context;
    private final RepositoryService repository;
    private final PolicyCatalog policyCatalog;
    private final int maxXmlBytes;

    ModelGuard(EngineBeans engineBeans, ApplicationContext context, RepositoryService repository,
            PolicyCatalog policyCatalog,
            @Value("${aftercare.models.max-xml-bytes:524288}") int maxXmlBytes) {
        this.engineBeans = engineBeans;
        this.context = context;
        this.repository = repository;
        this.policyCatalog = policyCatalog;
        this.maxXmlBytes = maxXmlBytes;
    }

    int maxXmlBytes() {
        return maxXmlBytes;
    }

    /** Checks a model; throws {@link ModelRejectedException} only when it cannot even be read. */
    Checked check(String fileName, byte[] xml) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new ModelRejectedException(List.of(ModelViolation.file("file-name",
                    "The file name must end in .bpmn or .dmn and use letters, digits, '.', '_' or '-' (got '" + fileName + "')")));
        }
        if (xml.length == 0) {
            throw new ModelRejectedException(List.of(ModelViolation.file("xml-malformed", "The model is empty")));
        }
        if (xml.length > maxXmlBytes) {
            throw new ModelRejectedException(List.of(ModelViolation.file("xml-size",
                    "The model is " + xml.length + " bytes; at most " + maxXmlBytes + " are accepted")));
        }
        Document document = ModelXml.parse(xml);
        boolean bpmnFile = fileName.endsWith(".bpmn");
        if (bpmnFile && !ModelXml.isBpmn(document) || !bpmnFile && !ModelXml.isDmn(document)) {
            throw new ModelRejectedException(List.of(ModelViolation.file("file-kind", bpmnFile
                    ? "A .bpmn file must contain BPMN 2.0 definitions"
                    : "A .dmn file must contain DMN definitions")));
        }
        Kind kind = bpmnFile ? Kind.BPMN : Kind.DMN;
        List<ModelViolation> violations = new ArrayList<>(schemaProblems(kind, xml));
        ModelFacts facts = facts();
        if (kind == Kind.BPMN) {
            violations.addAll(BpmnRules.check(document, facts));
            violations.addAll(CaseContractRules.check(document));
        } else {
            violations.addAll(DmnRules.check(document, facts));
        }
        return new Checked(kind, document, keys(kind, document), violations);
    }

    /** The executable processes or the decisions a model file defines. */
    static List<String> keys(Kind kind, Document document) {
        String tag = kind == Kind.BPMN ? "process" : "decision";
        return ModelXml.all(document).stream()
                .filter(e -> tag.equals(e.getLocalName()))
                .filter(e -> kind == Kind.DMN || ModelXml.isExecutable(e))
                .map(e -> ModelXml.attr(e, "id"))
                .filter(id -> id != null)
                .toList();
    }

    /** The model API's schema validation: catches what the engine's parser would refuse. */
    private static List<ModelViolation> schemaProblems(Kind kind, byte[] xml) {
        try {
            if (kind == Kind.BPMN) {
                Bpmn.validateModel(Bpmn.readModelFromStream(new ByteArrayInputStream(xml)));
            } else {
                Dmn.validateModel(Dmn.readModelFromStream(new ByteArrayInputStream(xml)));
            }
            return List.of();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
            return List.of(ModelViolation.file("schema", "Not valid " + kind + ": " + message));
        }
    }

    private ModelFacts facts() {
        Set<String> topics = context.getBeansOfType(ExternalTaskTopics.class).values().stream()
                .map(ExternalTaskTopics::topic).collect(Collectors.toCollection(TreeSet::new));
        Set<String> processKeys = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).collect(Collectors.toCollection(TreeSet::new));
        Set<String> decisionKeys = repository.createDecisionDefinitionQuery().latestVersion().list().stream()
                .map(DecisionDefinition::getKey).collect(Collectors.toCollection(TreeSet::new));
        Set<String> statuses = Arrays.stream(TicketStatus.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        // a level decision must only answer levels that every policy using it knows
        Map<String, Set<String>> levels = new HashMap<>();
        for (PolicyVersion policy : policyCatalog.currentPolicies()) {
            Set<String> codes = policy.definition().levels().stream().map(l -> l.code())
                    .collect(Collectors.toCollection(TreeSet::new));
            levels.merge(policy.definition().levelDecision(), codes, (a, b) -> {
                Set<String> both = new TreeSet<>(a);
                both.retainAll(b);
                return both;
            });
        }
        return new ModelFacts(engineBeans.delegateNames(), engineBeans.executionListenerNames(),
                engineBeans.taskListenerNames(), engineBeans.allowedNames(), engineBeans.allBeanNames(), topics,
                processKeys, decisionKeys, statuses, levels);
    }
}
