package com.aftercare.sla;

/**
 * Which DMN decisions are deployed, so a policy cannot name a level decision the engine does not have
 * (every new ticket of that contract would fail at "determine level"). Implemented by the workflow feature.
 */
public interface DecisionCatalog {

    boolean isDeployed(String decisionKey);
}
