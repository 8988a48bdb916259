package com.aftercare.configbackup;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.PersonNames;
import com.aftercare.identity.Role;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A device's configuration backups, newest first, for staff (a configuration holds the network's layout and often
 * passwords: not for the customer's own users here). uploadedByName: the uploader's display name.
 */
@Service
public class ListDeviceConfigBackups {

    static final Set<Role> MAY_READ = Set.of(Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN, Role.PROCESS_OWNER);

    @Schema(name = "DeviceConfigBackup")
    public record BackupView(long id, long deviceId, String fileName, String contentType, long sizeBytes, String sha256,
            String note, String uploadedBy, String uploadedByName, Instant uploadedAt, String explainedBy,
            Long securityIncidentId, String securityIncidentNumber) {
    }

    private final AssetService assets;
    private final ConfigBackupRepository backups;
    private final PersonNames names;

    ListDeviceConfigBackups(AssetService assets, ConfigBackupRepository backups, PersonNames names) {
        this.assets = assets;
        this.backups = backups;
        this.names = names;
    }

    @Transactional(readOnly = true)
    public List<BackupView> of(long deviceId) {
        requireReader();
        assets.device(deviceId);
        return backups.findByDeviceIdOrderByIdDesc(deviceId).stream().map(this::view).toList();
    }

    static void requireReader() {
        if (CurrentUser.roles().stream().noneMatch(MAY_READ::contains)) {
            throw new ForbiddenException("Configuration backups are for the service staff");
        }
    }

    BackupView view(ConfigBackup b) {
        return new BackupView(b.getId(), b.getDeviceId(), b.getFileName(), b.getContentType(), b.getSizeBytes(), b.getSha256(),
                b.getNote(), b.getUploadedBy(), names.of(b.getUploadedBy()), b.getUploadedAt(), b.getExplainedBy(),
                b.getSecurityIncidentId(), b.getSecurityIncidentId() == null ? null : String.format("SEC-%06d", b.getSecurityIncidentId()));
    }
}
