package com.aftercare.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import net.coobird.thumbnailator.Thumbnails;

/**
 * What an uploaded file really is, from its bytes (Apache Tika's magic numbers; the file name only tells
 * Office formats apart inside their container), and the form it is stored in: JPEG and PNG photos larger
 * than {@value #MAX_EDGE} px on their long edge are shrunk, JPEGs are turned upright by their EXIF
 * orientation and written anew (which also drops EXIF, GPS position included), and every image ImageIO
 * can read gets a JPEG thumbnail about {@value #THUMB_EDGE} px long. Anything not on {@link #ALLOWED} is
 * refused with 415 (docs/adr/0016).
 */
@Component
class InspectFile {

    static final int MAX_EDGE = 1600;
    static final int THUMB_EDGE = 320;
    /** Pixels an image may have before it is decoded at all (a few-KB PNG can claim 50000 x 50000). */
    static final long MAX_PIXELS = 50_000_000L;

    /** Detected type → the extension a download gets when the name has none. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/png", "png"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"),
            Map.entry("application/pdf", "pdf"),
            Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.ms-powerpoint", "ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("text/plain", "txt"),
            Map.entry("text/csv", "csv"));

    /** The images this server decodes (thumbnail, size); WebP is stored as sent. */
    private static final Set<String> DECODED = Set.of("image/jpeg", "image/png", "image/gif");

    private final Tika tika = new Tika();

    /** The file as it will be stored. width/height and thumbnail are null for files that are not decodable images. */
    record Inspected(String contentType, byte[] bytes, String sha256, Integer width, Integer height, byte[] thumbnail) {
    }

    Inspected inspect(byte[] original, String fileName) {
        String type = detect(original, fileName);
        if (!ALLOWED.containsKey(type)) {
            throw new FileRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "files of type " + type
                    + " are not taken; send a JPEG, PNG, GIF or WebP image, a PDF, a Word, Excel or PowerPoint file, or text/CSV");
        }
        if (!DECODED.contains(type)) {
            return new Inspected(type, original, sha256(original), null, null, null);
        }
        return image(type, original);
    }

    String detect(byte[] bytes, String fileName) {
        String type = tika.detect(bytes, fileName);
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private Inspected image(String type, byte[] original) {
        int[] size = dimensions(original);
        if ((long) size[0] * size[1] > MAX_PIXELS) {
            throw new FileRefusedException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "the image has " + size[0] + " x " + size[1] + " pixels; at most " + MAX_PIXELS + " pixels are taken");
        }
        try {
            // Thumbnailator applies the EXIF orientation of a JPEG while reading it
            BufferedImage upright = Thumbnails.of(new ByteArrayInputStream(original)).scale(1.0).asBufferedImage();
            byte[] stored = original;
            int width = upright.getWidth();
            int height = upright.getHeight();
            boolean tooLarge = Math.max(width, height) > MAX_EDGE;
            if (type.equals("image/jpeg") || (type.equals("image/png") && tooLarge)) {
                BufferedImage source = type.equals("image/jpeg") ? opaque(upright) : upright;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                var builder = Thumbnails.of(source);
                builder = tooLarge ? builder.size(MAX_EDGE, MAX_EDGE) : builder.scale(1.0);
                builder = builder.outputFormat(type.equals("image/jpeg") ? "jpg" : "png");
                if (type.equals("image/jpeg")) {
                    builder = builder.outputQuality(0.88);
                }
                builder.toOutputStream(out);
                stored = out.toByteArray();
                BufferedImage written = ImageIO.read(new ByteArrayInputStream(stored));
                width = written.getWidth();
                height = written.getHeight();
            }
            ByteArrayOutputStream thumb = new ByteArrayOutputStream();
            Thumbnails.of(opaque(upright)).size(THUMB_EDGE, THUMB_EDGE).outputFormat("jpg").outputQuality(0.8).toOutputStream(thumb);
            return new Inspected(type, stored, sha256(stored), width, height, thumb.toByteArray());
        } catch (IOException | RuntimeException e) {
            throw new FileRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the image cannot be read (damaged or unsupported " + type + ")");
        }
    }

    /** Width and height from the header, without decoding the pixels. */
    private static int[] dimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new FileRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the image cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] { reader.getWidth(0), reader.getHeight(0) };
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new FileRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the image cannot be read");
        }
    }

    /** The image on white, without alpha: JPEG has no transparency (and ImageIO refuses to write it). */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    static String sha256(byte[] bytes) {
        return com.aftercare.common.Sha256.hex(bytes);
    }
}
