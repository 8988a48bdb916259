package com.aftercare.warranty;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A contract's warranty terms (WA-1), under the contract's own id like its repair terms. */
@RestController
@Tag(name = "Warranty")
class WarrantyTermsController {

    private final ContractWarranty contractWarranty;
    private final SetWarrantyTerms setWarrantyTerms;

    WarrantyTermsController(ContractWarranty contractWarranty, SetWarrantyTerms setWarrantyTerms) {
        this.contractWarranty = contractWarranty;
        this.setWarrantyTerms = setWarrantyTerms;
    }

    @GetMapping("/api/contracts/{id}/warranty-terms")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    @Operation(summary = "The contract's warranty terms: acceptance day, device and replacement warranty months")
    ContractWarranty.Terms terms(@PathVariable long id) {
        return contractWarranty.of(id);
    }

    @PutMapping("/api/contracts/{id}/warranty-terms")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    @Operation(summary = "State the contract's warranty terms (400 names each wrong field)")
    ContractWarranty.Terms set(@PathVariable long id, @RequestBody(required = false) SetWarrantyTerms.Command body) {
        return setWarrantyTerms.set(id, body);
    }
}
