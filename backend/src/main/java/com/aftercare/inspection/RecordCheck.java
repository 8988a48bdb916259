package com.aftercare.inspection;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/**
 * PM-4: the engineer records one checklist line on the phone: pass or fail, a note (required for a failure: it becomes
 * the fault case's description) and optionally a photo (a JPEG or PNG data URL, at most about 600 KB, as the phone
 * page scales it). Only while the inspection waits for its checklist.
 */
@Service
@Validated
public class RecordCheck {

    public static final int MAX_PHOTO_CHARS = 800_000;

    public record CheckCommand(@NotNull CheckResult result, @Size(max = 1000) String note,
            @Size(max = MAX_PHOTO_CHARS) @Pattern(regexp = "data:image/(jpeg|png);base64,[A-Za-z0-9+/=]+", message = "must be a JPEG or PNG photo") String photo) {
    }

    private final Inspections inspections;
    private final InspectionCheckRepository checks;
    private final Clock clock;

    RecordCheck(Inspections inspections, InspectionCheckRepository checks, Clock clock) {
        this.inspections = inspections;
        this.checks = checks;
        this.clock = clock;
    }

    @Transactional
    public InspectionCheck record(long inspectionId, long checkId, @Valid CheckCommand command) {
        Inspection inspection = inspections.visible(inspectionId);
        InspectionCheck check = checks.findById(checkId).filter(c -> c.getInspectionId().equals(inspectionId))
                .orElseThrow(() -> new NotFoundException("No check " + checkId + " in inspection " + inspectionId));
        inspection.requireStatus(InspectionStatus.SCHEDULED, "is not waiting for its checklist");
        String note = command.note() == null || command.note().isBlank() ? null : command.note().trim();
        if (command.result() == CheckResult.FAIL && note == null) {
            throw new BadRequestException("note", "say what is wrong: the note becomes the fault case's description");
        }
        check.record(command.result(), note, command.photo(), CurrentUser.username(), clock.instant());
        return checks.saveAndFlush(check);
    }
}
