package com.aftercare.inspection;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;

/**
 * The bytes of a checklist line's photo, for whoever may read the inspection (ADR 0082): staff any, a customer's user
 * only their own unit's. A photo of another inspection, or of another unit's, answers 404 as an unknown one does.
 */
@Service
public class ReadInspectionPhoto {

    public record Photo(String contentType, String sha256, byte[] bytes) {
    }

    private final Inspections inspections;
    private final InspectionPhotoRepository photos;

    ReadInspectionPhoto(Inspections inspections, InspectionPhotoRepository photos) {
        this.inspections = inspections;
        this.photos = photos;
    }

    @Transactional(readOnly = true)
    public Photo read(long inspectionId, long photoId) {
        inspections.visible(inspectionId);
        InspectionPhoto p = photos.findById(photoId).filter(f -> f.getInspectionId() == inspectionId)
                .orElseThrow(() -> new NotFoundException("No photo " + photoId + " in inspection " + inspectionId));
        return new Photo(p.getContentType(), p.getSha256(), p.getBytes());
    }
}
