package com.aftercare.inspection;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;

/**
 * PM-4: the customer signs their opinion of the inspection: in the portal (their sign-in is the signature), or by hand
 * on the engineer's phone (then the drawn signature is required). The model then completes the inspection.
 */
@Service
@Validated
public class SignInspection {

    public record SignCommand(@NotBlank @Size(max = 100) String signerName, @Size(max = 2000) String opinion,
            @Size(max = 400_000) @Pattern(regexp = "data:image/png;base64,[A-Za-z0-9+/=]+", message = "must be a PNG signature") String signature) {
    }

    private final Inspections inspections;
    private final InspectionRepository repository;
    private final InspectionProcess process;
    private final Clock clock;

    SignInspection(Inspections inspections, InspectionRepository repository, InspectionProcess process, Clock clock) {
        this.inspections = inspections;
        this.repository = repository;
        this.process = process;
        this.clock = clock;
    }

    @Transactional
    public Inspection sign(long id, @Valid SignCommand command) {
        Inspection inspection = inspections.visible(id);
        if (!CurrentUser.isCustomer() && command.signature() == null) {
            throw new BadRequestException("signature", "the customer signs by hand on the phone");
        }
        String opinion = command.opinion() == null || command.opinion().isBlank() ? null : command.opinion().trim();
        inspection.sign(CurrentUser.username(), command.signerName().trim(), opinion, command.signature(), clock.instant());
        repository.saveAndFlush(inspection);
        process.signed(id);
        return inspection;
    }
}
