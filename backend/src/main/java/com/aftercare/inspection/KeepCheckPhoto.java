package com.aftercare.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;

/**
 * Turns the photo a checklist line is recorded with (a JPEG or PNG data URL, as the phone page sends it) into a stored
 * {@link InspectionPhoto} (ADR 0082). Every refusal is a 400 naming {@code photo}, before anything is written: base64
 * that does not decode, bytes that are neither JPEG nor PNG whatever the data URL claims, more than
 * {@value #MAX_PIXELS} pixels (checked from the header, before the pixels are decoded), or an image that does not
 * decode to the end (a PNG header on garbage). The bytes are kept as sent: the phone already scaled them.
 */
@Component
class KeepCheckPhoto {

    /** A few-KB PNG can claim 50000 x 50000 pixels; the phone sends at most 1280 px on the long edge. */
    static final long MAX_PIXELS = 50_000_000L;

    private final InspectionPhotoRepository photos;

    KeepCheckPhoto(InspectionPhotoRepository photos) {
        this.photos = photos;
    }

    /** Stored within the caller's transaction, so the line and its photo are written together or not at all. */
    InspectionPhoto keep(Inspection inspection, String dataUrl, String by, Instant at) {
        int comma = dataUrl.indexOf(',');
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(dataUrl.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw BadRequestException.of("photo", "photoNotBase64", Map.of(), "is not readable base64");
        }
        String type = detect(bytes);
        if (type == null) {
            throw BadRequestException.of("photo", "photoNotImage", Map.of(), "must be a JPEG or PNG photo");
        }
        requireReadable(bytes);
        return photos.save(new InspectionPhoto(inspection.getId(), inspection.getCustomerId(), type, bytes, sha256(bytes), by, at));
    }

    private static void requireReadable(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw BadRequestException.of("photo", "photoUnreadable", Map.of(), "the image cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw BadRequestException.of("photo", "photoTooManyPixels", Map.of("pixels", pixels, "max", MAX_PIXELS),
                            "has " + pixels + " pixels; at most " + MAX_PIXELS + " are taken");
                }
                reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadRequestException bad) {
                throw bad;
            }
            throw BadRequestException.of("photo", "photoUnreadable", Map.of(), "the image cannot be read (damaged or cut short)");
        }
    }

    /** image/jpeg or image/png from the bytes' signature, null for anything else. */
    static String detect(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
        if (b.length < png.length) {
            return null;
        }
        for (int i = 0; i < png.length; i++) {
            if (b[i] != png[i]) {
                return null;
            }
        }
        return "image/png";
    }

    static String sha256(byte[] bytes) {
        return com.aftercare.common.Sha256.hex(bytes);
    }
}
