package com.aftercare.configbackup;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.change.ChangesOnDevice;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.PersonNames;
import com.aftercare.identity.Role;
import com.aftercare.securityincident.ReadSecurityIncidents;
import com.aftercare.securityincident.ReportSecurityIncident;
import com.aftercare.securityincident.SecurityImpact;
import com.aftercare.securityincident.SecurityIncidentKind;
import com.aftercare.ticket.CasesOnDevices;

/**
 * An engineer (or a supervisor or administrator) keeps a device's configuration file (RP-3's config backups): the
 * export of a switch's running configuration, a recorder's settings file, before or after a change. Kept as sent
 * with its SHA-256; the same file as the device's newest backup (a second click, an unchanged configuration) is not
 * kept twice: the newest is answered instead. A file that differs from the newest must be explained by a change or a
 * case in between, or a security incident is reported (ADR 0110).
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
    private final ChangesOnDevice changes;
    private final CasesOnDevices cases;
    private final ReportSecurityIncident incidents;
    private final PersonNames names;
    private final Clock clock;

    BackUpDeviceConfig(AssetService assets, ConfigBackupRepository backups, ConfigBackupContentRepository contents,
            ListDeviceConfigBackups views, ChangesOnDevice changes, CasesOnDevices cases, ReportSecurityIncident incidents,
            PersonNames names, Clock clock) {
        this.changes = changes;
        this.cases = cases;
        this.incidents = incidents;
        this.names = names;
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
        ConfigBackup backup = new ConfigBackup(deviceId, device.getSite().getCustomer().getId(), name(fileName),
                isText(bytes) ? "text/plain" : "application/octet-stream", bytes.length, sha256, trimmedNote, CurrentUser.username(),
                // what the database keeps (H2 rounds nanoseconds), so that the 201 answer and a later list agree
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        // compared with the last file of the same name: a device's startup and running configurations are two files
        ConfigBackup sameFileBefore = backups.findFirstByDeviceIdAndFileNameOrderByIdDesc(deviceId, backup.getFileName()).orElse(null);
        if (sameFileBefore != null && !sameFileBefore.getSha256().equals(sha256)) {
            explain(backup, sameFileBefore, device);
        }
        backup = backups.saveAndFlush(backup);
        contents.save(new ConfigBackupContent(backup.getId(), bytes));
        return new Kept(views.view(backup), true);
    }

    /**
     * The configuration differs from the device's last backup: a change that touched the device in between, or a case
     * worked on it then, explains that (the latest of each, a change first). With neither, someone changed a customer's
     * device outside both processes, which the contracts call a security incident (seed 002: 未经授权的操作); one is
     * reported for the supervisors to investigate, in this transaction, and the backup names it.
     */
    private void explain(ConfigBackup backup, ConfigBackup before, Device device) {
        Instant since = before.getUploadedAt();
        Instant now = backup.getUploadedAt();
        Optional<String> reason = changes.touching(device.getId(), since, now)
                .or(() -> cases.openDuring(device.getId(), since, now));
        if (reason.isPresent()) {
            backup.explainedBy(reason.get());
            return;
        }
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        // the incident's own words, in the customer's and the contracts' language (a report's text is not translated)
        String title = shortened("设备“" + device.getName() + "”的配置发生了未登记的变化", TITLE_MAX);
        String description = String.format("%s 的设备“%s”（型号 %s，序列号 %s）在 %s 由 %s 上传的配置文件“%s”，与 %s 备份的配置不同"
                + "（SHA-256 %s… → %s…）。这段时间内没有涉及该设备的变更，也没有该设备的工单。请核实是谁在何时、为何修改了配置。",
                device.getSite().getName(), device.getName(), blankAsDash(device.getModel()), blankAsDash(device.getSerialNumber()),
                minute.format(now), names.of(backup.getUploadedBy()), backup.getFileName(), minute.format(since),
                before.getSha256().substring(0, 12), backup.getSha256().substring(0, 12));
        ReadSecurityIncidents.IncidentView incident = incidents.reportDetected(new ReportSecurityIncident.NewSecurityIncident(
                device.getSite().getCustomer().getId(), SecurityIncidentKind.UNAUTHORIZED_CHANGE, SecurityImpact.MINOR, title,
                description, now, null, null));
        backup.unexplained(incident.id());
    }

    /** The security incident's title limit (SecurityIncidentRules.MAX_TITLE). */
    private static final int TITLE_MAX = 100;

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String blankAsDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
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
