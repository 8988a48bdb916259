package com.aftercare.inspection;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InspectionCheckRepository extends JpaRepository<InspectionCheck, Long> {

    List<InspectionCheck> findByInspectionIdOrderById(Long inspectionId);

    /** Whether a line of the inspection shows this photo now (a replaced photo is shown by none). */
    boolean existsByInspectionIdAndPhotoId(Long inspectionId, Long photoId);

    /** A checklist's size, lines with a result and failed lines, per inspection (the list's counts). */
    interface LineCounts {
        Long getInspectionId();

        long getTotal();

        long getChecked();

        long getFailed();
    }

    @Query("""
            select c.inspectionId as inspectionId, count(c) as total, count(c.result) as checked,
                   sum(case when c.result = com.aftercare.inspection.CheckResult.FAIL then 1 else 0 end) as failed
            from InspectionCheck c where c.inspectionId in :ids group by c.inspectionId""")
    List<LineCounts> countByInspection(@Param("ids") Collection<Long> inspectionIds);
}
