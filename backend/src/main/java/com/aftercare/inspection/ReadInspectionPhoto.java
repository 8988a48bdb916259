package com.aftercare.inspection;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/**
 * The bytes of a checklist line's photo, for whoever may read the inspection (ADR 0082): staff any, a customer's user
 * only their own unit's. A photo of another inspection, or of another unit's, answers 404 as an unknown one does.
 * <p>
 * A photo replaced by a later one (the line recorded again with a new photo) stays readable by staff: the line's audited
 * entries name it by id and SHA-256, so whoever checks the audit chain must be able to fetch the bytes it proves. A
 * customer's user reads the inspection as it stands, so for them a replaced photo answers 404 like an unknown one: the
 * customer is shown and printed only the current photos, and an old URL does not bring back one the engineer took
 * again (a wrong device, a blurred shot, someone in the picture).
 */
@Service
public class ReadInspectionPhoto {

    public record Photo(String contentType, String sha256, byte[] bytes) {
    }

    private final Inspections inspections;
    private final InspectionPhotoRepository photos;
    private final InspectionCheckRepository checks;

    ReadInspectionPhoto(Inspections inspections, InspectionPhotoRepository photos, InspectionCheckRepository checks) {
        this.inspections = inspections;
        this.photos = photos;
        this.checks = checks;
    }

    @Transactional(readOnly = true)
    public Photo read(long inspectionId, long photoId) {
        inspections.visible(inspectionId);
        boolean customer = CurrentUser.scopeCustomerId() != null;
        InspectionPhoto p = photos.findById(photoId).filter(f -> f.getInspectionId() == inspectionId)
                .filter(f -> !customer || checks.existsByInspectionIdAndPhotoId(inspectionId, photoId))
                .orElseThrow(() -> new NotFoundException("No photo " + photoId + " in inspection " + inspectionId));
        return new Photo(p.getContentType(), p.getSha256(), p.getBytes());
    }
}
