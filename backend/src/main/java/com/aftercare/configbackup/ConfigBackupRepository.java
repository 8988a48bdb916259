package com.aftercare.configbackup;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConfigBackupRepository extends JpaRepository<ConfigBackup, Long> {

    List<ConfigBackup> findByDeviceIdOrderByIdDesc(long deviceId);

    Optional<ConfigBackup> findFirstByDeviceIdOrderByIdDesc(long deviceId);

    Optional<ConfigBackup> findByIdAndDeviceId(long id, long deviceId);
}
