package com.aftercare.probe.policy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.aftercare.asset.DeviceType;

interface VerificationPolicyRepository extends Repository<VerificationPolicy, Long> {
    VerificationPolicy save(VerificationPolicy policy);
    @Query("select x from VerificationPolicy x where x.deviceType = :type")
    Optional<VerificationPolicy> findByDeviceType(@Param("type") DeviceType type);
    List<VerificationPolicy> findAll();
}
