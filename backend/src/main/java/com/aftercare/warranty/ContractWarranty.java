package com.aftercare.warranty;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.sla.ContractBook;

/**
 * What a contract's warranty terms (WA-1) mean for a device: how long a device without a warranty end of its own is
 * covered, and how long a replacement is. Read by {@link AssessWarranty} and {@link InstallReplacement}.
 */
@Service
public class ContractWarranty {

    /**
     * Months a replacement device is in warranty from the day it is installed when the contract does not say: the
     * contracts are silent, and a year is the shortest whole-device warranty of the equipment they cover (ADR 0027).
     */
    public static final int DEFAULT_REPLACEMENT_MONTHS = 12;

    /** The terms as the API shows them; deviceWarrantyEnd is acceptedOn + deviceWarrantyMonths, or null. */
    public record Terms(LocalDate acceptedOn, Integer deviceWarrantyMonths, int replacementWarrantyMonths,
            LocalDate deviceWarrantyEnd) {
    }

    private final ContractBook contracts;
    private final WarrantyTermsRepository terms;

    ContractWarranty(ContractBook contracts, WarrantyTermsRepository terms) {
        this.contracts = contracts;
        this.terms = terms;
    }

    @Transactional(readOnly = true)
    public Terms of(long contractId) {
        if (contracts.contract(contractId).isEmpty()) {
            throw new NotFoundException("No contract " + contractId);
        }
        return terms.findById(contractId).map(ContractWarranty::view)
                .orElse(new Terms(null, null, DEFAULT_REPLACEMENT_MONTHS, null));
    }

    /**
     * The last day a device of this contract without a warranty end of its own is in warranty: the day of acceptance
     * plus the contract's months (that anniversary day still covered). Null: the contract states no device warranty,
     * and such a device stays free as before (nothing on record allows charging).
     */
    @Transactional(readOnly = true)
    public LocalDate deviceWarrantyEnd(Long contractId) {
        return contractId == null ? null : terms.findById(contractId).map(ContractWarranty::view).map(Terms::deviceWarrantyEnd)
                .orElse(null);
    }

    /** The warranty end of a replacement installed on {@code installedOn}: that day plus the contract's months. */
    @Transactional(readOnly = true)
    public LocalDate replacementWarrantyEnd(Long contractId, LocalDate installedOn) {
        int months = contractId == null ? DEFAULT_REPLACEMENT_MONTHS
                : terms.findById(contractId).map(WarrantyTerms::getReplacementWarrantyMonths).orElse(DEFAULT_REPLACEMENT_MONTHS);
        return installedOn.plusMonths(months);
    }

    static Terms view(WarrantyTerms t) {
        LocalDate end = t.getAcceptedOn() == null || t.getDeviceWarrantyMonths() == null ? null
                : t.getAcceptedOn().plusMonths(t.getDeviceWarrantyMonths());
        return new Terms(t.getAcceptedOn(), t.getDeviceWarrantyMonths(), t.getReplacementWarrantyMonths(), end);
    }
}
