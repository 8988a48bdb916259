package com.aftercare.servicereport;

import java.util.ArrayList;
import java.util.List;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.EmailAddressList;
import com.aftercare.common.NotFoundException;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ServiceContract;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A process owner or admin sets who receives a contract's reports by e-mail and from which level a closed case is a
 * major fault; saving switches the contract's scheduled reports on. Every wrong address is answered at once under
 * {@code recipients}, a level the contract's policy does not know under {@code majorLevel}.
 */
@Service
public class SetReportSettings {

    static final int MAX_RECIPIENTS = 20;

    /** recipients: e-mail addresses (blank lines ignored, duplicates once); majorLevel: a level code or null for the default. */
    @Schema(name = "SetReportSettingsCommand")
    public record Command(List<String> recipients, String majorLevel) {
    }

    private final ContractBook contracts;
    private final ReportSettingsRepository settings;

    SetReportSettings(ContractBook contracts, ReportSettingsRepository settings) {
        this.contracts = contracts;
        this.settings = settings;
    }

    @Transactional
    public ReportSettingsView set(long contractId, Command command) {
        Command c = command == null ? new Command(null, null) : command;
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        List<String> recipients = EmailAddressList.parse(c.recipients(), "recipients", MAX_RECIPIENTS, errors);
        ServiceContract contract = contracts.contract(contractId).orElse(null);
        String level = c.majorLevel() == null || c.majorLevel().isBlank() ? null : c.majorLevel().strip();
        if (level != null && contract != null) {
            List<String> levels = MajorLevels.levels(contract.getPolicyCode());
            if (!levels.isEmpty() && !levels.contains(level)) {
                errors.add(new BadRequestException.FieldError("majorLevel", "must be one of " + String.join(", ", levels)));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        if (contract == null) {
            throw new NotFoundException("No contract " + contractId);
        }
        if (String.join(",", recipients).length() > 2000) {
            throw new BadRequestException("recipients", "are too long together (2000 characters at most)");
        }
        ReportSettings row = settings.findById(contractId).orElseGet(() -> new ReportSettings(contractId));
        row.change(recipients, level);
        return ReadReportSettings.view(contract, settings.saveAndFlush(row));
    }
}
