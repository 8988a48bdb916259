package com.aftercare.repair;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.sla.ContractBook;

/** A contract chooses its vendor-return deadline (RR-2); slips sent from then on use it. */
@Service
public class SetReturnRule {

    private final ContractBook contracts;
    private final RepairTermsRepository terms;

    SetReturnRule(ContractBook contracts, RepairTermsRepository terms) {
        this.contracts = contracts;
        this.terms = terms;
    }

    @Transactional
    public ReturnRule set(long contractId, String rule) {
        ReturnRule chosen;
        try {
            chosen = ReturnRule.valueOf(rule == null ? "" : rule);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("vendorReturnRule", "must be FIVE_WORKING_DAYS or BEFORE_SECOND_WEEKEND");
        }
        if (contracts.contract(contractId).isEmpty()) {
            throw new NotFoundException("No contract " + contractId);
        }
        terms.findById(contractId).ifPresentOrElse(t -> t.change(chosen), () -> terms.save(new RepairTerms(contractId, chosen)));
        return chosen;
    }

    @Transactional(readOnly = true)
    public ReturnRule of(long contractId) {
        if (contracts.contract(contractId).isEmpty()) {
            throw new NotFoundException("No contract " + contractId);
        }
        return terms.findById(contractId).map(RepairTerms::getVendorReturnRule).orElse(ReturnRule.FIVE_WORKING_DAYS);
    }
}
