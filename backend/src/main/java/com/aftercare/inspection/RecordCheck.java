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
 * the fault case's description) and optionally a photo (a JPEG or PNG data URL of at most {@value #MAX_PHOTO_CHARS}
 * characters, about 600 KB of image, as the phone page scales it). The photo is stored as bytes of its own
 * ({@link KeepCheckPhoto}, ADR 0082) in this transaction: a refused photo leaves the line as it was. Only while the
 * inspection waits for its checklist.
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
    private final KeepCheckPhoto photoStore;
    private final Clock clock;

    RecordCheck(Inspections inspections, InspectionCheckRepository checks, KeepCheckPhoto photoStore, Clock clock) {
        this.inspections = inspections;
        this.checks = checks;
        this.photoStore = photoStore;
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
        InspectionPhoto photo = command.photo() == null ? null
                : photoStore.keep(inspection, command.photo(), CurrentUser.username(), clock.instant());
        check.record(command.result(), note, photo, CurrentUser.username(), clock.instant());
        return checks.saveAndFlush(check);
    }
}
