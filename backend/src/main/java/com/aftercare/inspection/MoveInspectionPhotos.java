package com.aftercare.inspection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway V76.1 (ADR 0082): moves every photo still held as a data URL in {@code inspection_check.photo} into
 * {@code inspection_photo} (V76), points the line at it with the SHA-256 of the bytes, and drops the column. Java,
 * because neither the base64 decoding nor the hash can be written in SQL that both H2 and PostgreSQL run. Nothing is
 * lost: a value whose base64 does not decode (the API's pattern never let one in, but a row may have been written
 * otherwise) is kept as its own text, {@code text/plain}, and logged. A Spring bean, so Spring Boot hands it to
 * Flyway; it reads only JDBC, as the schema stood at V76, never an entity.
 */
@Component
public class MoveInspectionPhotos implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(MoveInspectionPhotos.class);
    private static final int BATCH = 20;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("76.1");
    }

    @Override
    public String getDescription() {
        return "move inspection photos out of data URLs";
    }

    @Override
    public Integer getChecksum() {
        return 761;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        int moved = 0;
        while (true) {
            // a few rows at a time: each value may be ~800 KB, and a site's whole history need not be in memory
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("select id, inspection_id, customer_id, photo, checked_by, checked_at"
                    + " from inspection_check where photo is not null and photo_id is null order by id")) {
                select.setMaxRows(BATCH);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                rs.getTimestamp(6) });
                    }
                }
            }
            if (rows.isEmpty()) {
                break;
            }
            for (Object[] row : rows) {
                move(c, (Long) row[0], (Long) row[1], (Long) row[2], (String) row[3], (String) row[4], (Timestamp) row[5]);
                moved++;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table inspection_check drop column photo");
        }
        if (moved > 0) {
            log.info("V76.1: moved {} inspection photo(s) out of data URLs", moved);
        }
    }

    private static void move(Connection c, long checkId, long inspectionId, long customerId, String dataUrl, String by,
            Timestamp at) throws Exception {
        Decoded photo = decode(checkId, dataUrl);
        String sha256 = KeepCheckPhoto.sha256(photo.bytes());
        long photoId;
        try (PreparedStatement insert = c.prepareStatement("insert into inspection_photo (inspection_id, customer_id,"
                // a line with a photo but no time of its check (not written so by the product) takes the migration's
                // time from the database: the product's clock is a bean, not read directly (ArchitectureTest)
                + " content_type, size_bytes, sha256, bytes, taken_by, taken_at) values (?, ?, ?, ?, ?, ?, ?, coalesce(?, current_timestamp))",
                new String[] { c.getMetaData().storesUpperCaseIdentifiers() ? "ID" : "id" })) {
            insert.setLong(1, inspectionId);
            insert.setLong(2, customerId);
            insert.setString(3, photo.contentType());
            insert.setLong(4, photo.bytes().length);
            insert.setString(5, sha256);
            insert.setBytes(6, photo.bytes());
            insert.setString(7, by);
            insert.setTimestamp(8, at);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                photoId = keys.getLong(1);
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "update inspection_check set photo_id = ?, photo_sha256 = ?, photo = null where id = ?")) {
            update.setLong(1, photoId);
            update.setString(2, sha256);
            update.setLong(3, checkId);
            update.executeUpdate();
        }
    }

    record Decoded(String contentType, byte[] bytes) {
    }

    /** The data URL's bytes and their real type (JPEG, PNG), or the text itself when it is no decodable image. */
    static Decoded decode(long checkId, String dataUrl) {
        int comma = dataUrl.indexOf(',');
        if (dataUrl.startsWith("data:") && comma > 0 && dataUrl.substring(0, comma).endsWith(";base64")) {
            try {
                byte[] bytes = Base64.getDecoder().decode(dataUrl.substring(comma + 1).strip());
                String type = KeepCheckPhoto.detect(bytes);
                if (type != null) {
                    return new Decoded(type, bytes);
                }
            } catch (IllegalArgumentException e) {
                // falls through: kept as text
            }
        }
        log.warn("V76.1: the photo of inspection line {} is no JPEG or PNG data URL; kept as its text ({} characters)",
                checkId, dataUrl.length());
        return new Decoded("text/plain", dataUrl.getBytes(StandardCharsets.UTF_8));
    }
}
