package com.aftercare.inspection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssetCheckRepository extends JpaRepository<AssetCheck, Long> {

    List<AssetCheck> findByInspectionIdOrderById(Long inspectionId);

    List<AssetCheck> findTop200ByDecisionOrderById(AssetDecision decision);

    Optional<AssetCheck> findByInspectionIdAndDeviceId(Long inspectionId, Long deviceId);
}
