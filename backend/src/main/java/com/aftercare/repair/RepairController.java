package com.aftercare.repair;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Repairs at the vendor (RR-1..RR-4): a case's slips for the repair panel and the printable slip, the loaner pool,
 * installing and collecting a loaner, and a contract's vendor-return rule. A customer's user reads their own case's
 * repair (progress reports included); everything else is staff only.
 */
@RestController
class RepairController {

    record InstallRequest(Long loanerId) {
    }

    record ReturnRuleRequest(String vendorReturnRule) {
    }

    private final ReadRepair readRepair;
    private final ListLoaners listLoaners;
    private final AddLoaner addLoaner;
    private final InstallLoaner installLoaner;
    private final CollectLoaner collectLoaner;
    private final SetReturnRule setReturnRule;

    RepairController(ReadRepair readRepair, ListLoaners listLoaners, AddLoaner addLoaner, InstallLoaner installLoaner,
            CollectLoaner collectLoaner, SetReturnRule setReturnRule) {
        this.readRepair = readRepair;
        this.listLoaners = listLoaners;
        this.addLoaner = addLoaner;
        this.installLoaner = installLoaner;
        this.collectLoaner = collectLoaner;
        this.setReturnRule = setReturnRule;
    }

    @GetMapping("/api/tickets/{id}/repair")
    RepairView repair(@PathVariable long id) {
        return readRepair.read(id);
    }

    @PostMapping("/api/tickets/{id}/loaner")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ENGINEER')")
    LoanerView install(@PathVariable long id, @RequestBody InstallRequest body) {
        return installLoaner.install(id, body == null ? null : body.loanerId());
    }

    @PostMapping("/api/tickets/{id}/loaner/collect")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ENGINEER')")
    LoanerView collect(@PathVariable long id) {
        return collectLoaner.collect(id);
    }

    @GetMapping("/api/loaners")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'ADMIN')")
    List<LoanerView> loaners() {
        return listLoaners.all();
    }

    @PostMapping("/api/loaners")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ADMIN')")
    LoanerView add(@RequestBody AddLoaner.NewLoaner body) {
        return addLoaner.add(body);
    }

    @GetMapping("/api/contracts/{id}/repair-terms")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    Map<String, String> returnRule(@PathVariable long id) {
        return Map.of("vendorReturnRule", setReturnRule.of(id).name());
    }

    @PutMapping("/api/contracts/{id}/repair-terms")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    Map<String, String> setReturnRule(@PathVariable long id, @RequestBody ReturnRuleRequest body) {
        return Map.of("vendorReturnRule", setReturnRule.set(id, body == null ? null : body.vendorReturnRule()).name());
    }
}
