package com.aftercare.configbackup;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/**
 * An engineer (or a supervisor or administrator) keeps a device's configuration file (RP-3's config backups): the
 * export of a switch's running configuration, a recorder's settings file, before or after a change. Kept as sent
 * with its SHA-256; the same file as the device's newest backup (a second click, an unchanged configuration) is not
 * kept twice: the newest is answered instead.
 */
@Service
public class BackUpDeviceConfig {

    /** Configuration exports are text or small archives; a larger file is not a configuration. */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final Set<Role> MAY_BACK_UP = Set.of(Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN);

    /** isNew: false when the file is the device's newest backup already. */
    public record Kept(ListDeviceConfigBackups.BackupView backup, boolean isNew) {
    }

    private final AssetService assets;
    private final ConfigBackupRepository backups;
    private final ConfigBackupContentRepository contents;
    private final ListDeviceConfigBackups views;
    private final Clock clock;

    BackUpDeviceConfig(AssetService assets, ConfigBackupRepository backups, ConfigBackupContentRepository contents,
            ListDeviceConfigBackups views, Clock clock) {
        this.assets = assets;
        this.backups = backups;
        this.contents = contents;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public Kept backUp(long deviceId, String fileName, byte[] bytes, String note) {
        if (CurrentUser.roles().stream().noneMatch(MAY_BACK_UP::contains)) {
            throw new ForbiddenException("Only engineers, supervisors and administrators keep configuration backups");
        }
        Device device = assets.device(deviceId);
        if (bytes == null || bytes.length == 0) {
            throw new BadRequestException("file", "is required and must not be empty (multipart/form-data part \"file\")");
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadRequestException("file", "is " + bytes.length + " bytes; a configuration backup may have at most "
                    + MAX_BYTES + " (5 MB)");
        }
        String trimmedNote = note == null || note.isBlank() ? null : note.strip();
        if (trimmedNote != null && trimmedNote.length() > 500) {
            throw new BadRequestException("note", "may have at most 500 characters");
        }
        String sha256 = sha256(bytes);
        backups.lockDevice(deviceId);
        ConfigBackup newest = backups.findFirstByDeviceIdOrderByIdDesc(deviceId).orElse(null);
        if (newest != null && newest.getSha256().equals(sha256)) {
            return new Kept(views.view(newest), false);
        }
        ConfigBackup backup = backups.saveAndFlush(new ConfigBackup(deviceId, device.getSite().getCustomer().getId(), name(fileName),
                isText(bytes) ? "text/plain" : "application/octet-stream", bytes.length, sha256, trimmedNote, CurrentUser.username(),
                // what the database keeps (H2 rounds nanoseconds), so that the 201 answer and a later list agree
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        contents.save(new ConfigBackupContent(backup.getId(), bytes));
        return new Kept(views.view(backup), true);
    }

    /** The file's own name without any folder a browser may send; "config.txt" when it has none. */
    static String name(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip().replaceAll("[\\p{Cntrl}\"]", "");
        if (name.isEmpty()) {
            return "config.txt";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    /** UTF-8 text without NUL bytes: shown as text; anything else is kept and handed back as bytes. */
    static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static String sha256(byte[] bytes) {
        return com.aftercare.common.Sha256.hex(bytes);
    }
}
