package com.aftercare.inspection;

import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionPhotoRepository extends JpaRepository<InspectionPhoto, Long> {
}
