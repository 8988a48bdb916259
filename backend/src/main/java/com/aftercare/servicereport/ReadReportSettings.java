package com.aftercare.servicereport;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ServiceContract;

/** A contract's report recipients and major fault level (RP-1). */
@Service
public class ReadReportSettings {

    private final ContractBook contracts;
    private final ReportSettingsRepository settings;

    ReadReportSettings(ContractBook contracts, ReportSettingsRepository settings) {
        this.contracts = contracts;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public ReportSettingsView of(long contractId) {
        ServiceContract contract = contracts.contract(contractId).orElseThrow(() -> new NotFoundException("No contract " + contractId));
        return settings.findById(contractId).map(s -> view(contract, s)).orElseGet(() -> new ReportSettingsView(contractId, contract.getPolicyCode(), false,
                List.of(), MajorLevels.threshold(contract.getPolicyCode(), null), false, MajorLevels.levels(contract.getPolicyCode())));
    }

    static ReportSettingsView view(ServiceContract contract, ReportSettings s) {
        return new ReportSettingsView(contract.getId(), contract.getPolicyCode(), true, s.recipients(),
                MajorLevels.threshold(contract.getPolicyCode(), s.getMajorLevel()), s.getMajorLevel() != null,
                MajorLevels.levels(contract.getPolicyCode()));
    }
}
