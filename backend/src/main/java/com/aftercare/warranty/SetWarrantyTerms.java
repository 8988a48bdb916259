package com.aftercare.warranty;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.sla.ContractBook;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A process owner or admin states a contract's warranty terms (WA-1): the day the project was accepted (验收), the
 * months its devices are in warranty from then (e.g. 36), and the months of a replacement (default 12). Every
 * problem is answered at once, under its field.
 */
@Service
public class SetWarrantyTerms {

    static final int MAX_MONTHS = 120;

    /** acceptedOn as an ISO date ("2024-06-30"); months null = not stated. */
    @Schema(name = "SetWarrantyTermsCommand")
    public record Command(String acceptedOn, Integer deviceWarrantyMonths, Integer replacementWarrantyMonths) {
    }

    private final ContractBook contracts;
    private final WarrantyTermsRepository terms;

    SetWarrantyTerms(ContractBook contracts, WarrantyTermsRepository terms) {
        this.contracts = contracts;
        this.terms = terms;
    }

    @Transactional
    public ContractWarranty.Terms set(long contractId, Command command) {
        Command c = command == null ? new Command(null, null, null) : command;
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        LocalDate accepted = null;
        if (c.acceptedOn() != null && !c.acceptedOn().isBlank()) {
            try {
                accepted = LocalDate.parse(c.acceptedOn().strip());
            } catch (DateTimeParseException e) {
                errors.add(new BadRequestException.FieldError("acceptedOn", "must be a date like 2024-06-30"));
            }
        }
        if (c.deviceWarrantyMonths() != null) {
            if (c.deviceWarrantyMonths() < 1 || c.deviceWarrantyMonths() > MAX_MONTHS) {
                errors.add(new BadRequestException.FieldError("deviceWarrantyMonths", "must be 1 to " + MAX_MONTHS));
            }
            if (accepted == null && (c.acceptedOn() == null || c.acceptedOn().isBlank())) {
                errors.add(new BadRequestException.FieldError("acceptedOn",
                        "is required with deviceWarrantyMonths: the warranty runs from the acceptance"));
            }
        }
        int replacement = c.replacementWarrantyMonths() == null ? ContractWarranty.DEFAULT_REPLACEMENT_MONTHS
                : c.replacementWarrantyMonths();
        if (replacement < 1 || replacement > MAX_MONTHS) {
            errors.add(new BadRequestException.FieldError("replacementWarrantyMonths", "must be 1 to " + MAX_MONTHS));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        if (contracts.contract(contractId).isEmpty()) {
            throw new NotFoundException("No contract " + contractId);
        }
        WarrantyTerms row = terms.findById(contractId).orElseGet(() -> new WarrantyTerms(contractId));
        row.change(accepted, c.deviceWarrantyMonths(), replacement);
        return ContractWarranty.view(terms.save(row));
    }
}
