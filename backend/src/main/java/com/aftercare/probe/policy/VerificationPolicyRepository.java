package com.aftercare.probe.policy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

import com.aftercare.asset.DeviceType;

interface VerificationPolicyRepository extends Repository<VerificationPolicy, Long> {
    VerificationPolicy save(VerificationPolicy policy);
    Optional<VerificationPolicy> findByDeviceType(DeviceType type);
    List<VerificationPolicy> findAll();
}
