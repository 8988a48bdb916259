package com.aftercare.api;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Multipart uploads and downloads over real HTTP, and real files made in the test (ImageIO images, a small PDF). */
public final class Uploads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestRestTemplate rest;

    public Uploads(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** POST /api/tickets/{id}/attachments with a part "file" sent as {@code partType}, and optional fields. */
    public ApiClient.Response upload(String user, long ticketId, String fileName, String partType, byte[] bytes, Map<String, String> fields,
            Map<String, String> headers) {
        return post(user, ticketId, fileBody(fileName, partType, bytes, fields), headers);
    }

    /**
     * Any multipart body, sent with a Content-Length as browsers send FormData (the server refuses chunked
     * bodies; RestTemplate would stream multipart chunked).
     */
    public ApiClient.Response post(String user, long ticketId, MultiValueMap<String, Object> body, Map<String, String> headers) {
        return postTo(user, "/api/tickets/" + ticketId + "/attachments", body, headers);
    }

    /** A multipart body to any path, sent with a Content-Length as browsers send FormData. */
    public ApiClient.Response postTo(String user, String path, MultiValueMap<String, Object> body, Map<String, String> headers) {
        MockHttpOutputMessage encoded = new MockHttpOutputMessage();
        try {
            new FormHttpMessageConverter().write(body, MediaType.MULTIPART_FORM_DATA, encoded);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpHeaders h = new HttpHeaders();
        h.setContentType(encoded.getHeaders().getContentType());
        h.setBasicAuth(user, com.aftercare.support.IntegrationTest.PASSWORD);
        if (headers != null) {
            headers.forEach(h::set);
        }
        ResponseEntity<String> r = rest.exchange(path, HttpMethod.POST,
                new HttpEntity<>(encoded.getBodyAsBytes(), h), String.class);
        return response(r);
    }

    /** A part "file" named {@code fileName} with {@code bytes}, and fields, to any path. */
    public ApiClient.Response uploadTo(String user, String path, String fileName, byte[] bytes, Map<String, String> fields) {
        return postTo(user, path, fileBody(fileName, MediaType.APPLICATION_OCTET_STREAM_VALUE, bytes, fields), null);
    }

    private static MultiValueMap<String, Object> fileBody(String fileName, String partType, byte[] bytes, Map<String, String> fields) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(partType));
        body.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, partHeaders));
        if (fields != null) {
            fields.forEach(body::add);
        }
        return body;
    }

    public ApiClient.Response upload(String user, long ticketId, String fileName, String partType, byte[] bytes) {
        return upload(user, ticketId, fileName, partType, bytes, null, null);
    }

    /** GET of bytes (a file or its thumbnail): status, headers and body. */
    public ResponseEntity<byte[]> download(String user, String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, com.aftercare.support.IntegrationTest.PASSWORD);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), byte[].class);
    }

    private static ApiClient.Response response(ResponseEntity<String> r) {
        try {
            JsonNode json = r.getBody() == null || r.getBody().isBlank() ? JSON.nullNode() : JSON.readTree(r.getBody());
            return new ApiClient.Response(r.getStatusCode().value(), json, r.getHeaders());
        } catch (IOException e) {
            return new ApiClient.Response(r.getStatusCode().value(), JSON.getNodeFactory().textNode(r.getBody()), r.getHeaders());
        }
    }

    /** A real image of this size in this ImageIO format ("jpg", "png"), with some shapes so it compresses like a photo. */
    public static byte[] image(String format, int width, int height) {
        boolean alpha = format.equals("png");
        BufferedImage img = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            for (int i = 0; i < 40; i++) {
                g.setColor(new Color((i * 53) % 256, (i * 97) % 256, (i * 31) % 256, alpha ? 200 : 255));
                g.fillOval((i * 37) % width, (i * 71) % height, width / 5, height / 4);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small valid one-page PDF saying "Hello", with a correct cross-reference table. */
    public static byte[] pdf() {
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
        String stream = "BT /F1 12 Tf 20 50 Td (Hello) Tj ET";
        objects[3] = "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream";
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of a Windows executable (MZ header and DOS stub text). */
    public static byte[] exe() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        b[2] = (byte) 0x90;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, b, 78, stub.length);
        b[60] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }
}
