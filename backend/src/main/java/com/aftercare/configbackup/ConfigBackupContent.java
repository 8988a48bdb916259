package com.aftercare.configbackup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a configuration backup, written once with its row (whose audited sha256 proves them). */
@Entity
@Table(name = "device_config_backup_content")
class ConfigBackupContent {

    @Id
    @Column(name = "backup_id")
    private Long backupId;
    private byte[] bytes;

    protected ConfigBackupContent() {
    }

    ConfigBackupContent(long backupId, byte[] bytes) {
        this.backupId = backupId;
        this.bytes = bytes;
    }

    byte[] getBytes() { return bytes; }
}
