package com.aftercare.configbackup;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConfigBackupRepository extends JpaRepository<ConfigBackup, Long> {

    List<ConfigBackup> findByDeviceIdOrderByIdDesc(long deviceId);

    /** The device's newest backup of a file of this name (a switch keeps running.cfg and startup.cfg apart). */
    Optional<ConfigBackup> findFirstByDeviceIdAndFileNameOrderByIdDesc(long deviceId, String fileName);

    Optional<ConfigBackup> findFirstByDeviceIdOrderByIdDesc(long deviceId);

    Optional<ConfigBackup> findByIdAndDeviceId(long id, long deviceId);

    /**
     * Holds the device's row until the transaction ends, so that two uploads to one device (two clicks, a retry) look
     * at the newest backup one after the other and the same file is not kept twice.
     */
    @Query(value = "select id from device where id = :deviceId for update", nativeQuery = true)
    Optional<Long> lockDevice(@Param("deviceId") long deviceId);
}
