package com.aftercare.configbackup;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;

/** One configuration backup's file as it was kept, for staff. */
@Service
public class ReadDeviceConfigBackup {

    public record File(String fileName, String contentType, String sha256, byte[] bytes) {
    }

    private final ConfigBackupRepository backups;
    private final ConfigBackupContentRepository contents;

    ReadDeviceConfigBackup(ConfigBackupRepository backups, ConfigBackupContentRepository contents) {
        this.backups = backups;
        this.contents = contents;
    }

    @Transactional(readOnly = true)
    public File file(long deviceId, long backupId) {
        ListDeviceConfigBackups.requireReader();
        ConfigBackup b = backups.findByIdAndDeviceId(backupId, deviceId)
                .orElseThrow(() -> new NotFoundException("No configuration backup " + backupId + " of device " + deviceId));
        byte[] bytes = contents.findById(backupId).map(ConfigBackupContent::getBytes)
                .orElseThrow(() -> new NotFoundException("No content of configuration backup " + backupId));
        return new File(b.getFileName(), b.getContentType(), b.getSha256(), bytes);
    }
}
