package com.aftercare.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

import com.aftercare.sla.DecisionCatalog;

@Component
class DeployedDecisions implements DecisionCatalog {

    private final RepositoryService repositoryService;

    DeployedDecisions(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public boolean isDeployed(String decisionKey) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).count() > 0;
    }
}
