package com.aftercare.sla;

/** The policy version, calendar and level decision a new ticket of a customer runs under. */
public record Assignment(Long contractId, Long policyId, String policyCode, String levelDecision, ContractTerms terms) {
}
