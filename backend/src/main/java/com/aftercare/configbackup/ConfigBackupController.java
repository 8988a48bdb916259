package com.aftercare.configbackup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.aftercare.common.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A device's configuration backups (RP-3): keep one, list them, fetch one. Staff only. */
@RestController
@Tag(name = "Device configuration backups")
class ConfigBackupController {

    private final BackUpDeviceConfig backUp;
    private final ListDeviceConfigBackups list;
    private final ReadDeviceConfigBackup read;

    ConfigBackupController(BackUpDeviceConfig backUp, ListDeviceConfigBackups list, ReadDeviceConfigBackup read) {
        this.backUp = backUp;
        this.list = list;
        this.read = read;
    }

    @PostMapping(path = "/api/devices/{id}/config-backups", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Keep a configuration file of the device (engineers, supervisors, admins): 201, or 200 with the "
            + "newest backup when the file is the same as it")
    ResponseEntity<ListDeviceConfigBackups.BackupView> backUp(@PathVariable long id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "note", required = false) String note) throws IOException {
        if (file == null) {
            throw new BadRequestException("file", "is required (multipart/form-data part \"file\")");
        }
        BackUpDeviceConfig.Kept kept = backUp.backUp(id, file.getOriginalFilename(), file.getBytes(), note);
        if (!kept.isNew()) {
            return ResponseEntity.ok(kept.backup());
        }
        return ResponseEntity.created(URI.create("/api/devices/" + id + "/config-backups/" + kept.backup().id() + "/file"))
                .body(kept.backup());
    }

    @GetMapping("/api/devices/{id}/config-backups")
    @Operation(summary = "The device's configuration backups, newest first (staff)")
    List<ListDeviceConfigBackups.BackupView> list(@PathVariable long id) {
        return list.of(id);
    }

    @GetMapping("/api/devices/{id}/config-backups/{backupId}/file")
    @Operation(summary = "One configuration backup as it was kept (staff)")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long backupId) {
        ReadDeviceConfigBackup.File f = read.file(id, backupId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType().equals("text/plain") ? "text/plain;charset=UTF-8" : f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + f.sha256() + "\"")
                .body(f.bytes());
    }
}
