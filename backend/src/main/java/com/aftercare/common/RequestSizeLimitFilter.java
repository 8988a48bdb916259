package com.aftercare.common;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized (and unmeasurable, chunked) bodies up front: no form or report of ours comes near a megabyte;
 * a file upload may be as large as aftercare.attachments.max-size plus its multipart envelope (413 naming "file").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /**
     * File uploads (POST /api/tickets/{id}/attachments, a device's configuration backup) may be as large as one
     * attachment plus the multipart envelope; each use case checks its own limit within that (a backup: 5 MB).
     */
    private static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern
            .compile("/api/tickets/\\d+/attachments|/api/devices/\\d+/config-backups");
    private static final long UPLOAD_ENVELOPE_BYTES = 64 * 1024;

    private final long maxBytes;
    private final long maxUploadBytes;

    RequestSizeLimitFilter(@Value("${aftercare.max-request-bytes:1048576}") long maxBytes,
            @Value("${aftercare.attachments.max-size:10MB}") org.springframework.util.unit.DataSize maxAttachment) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxAttachment.toBytes() + UPLOAD_ENVELOPE_BYTES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            // chunked bodies have no length to check up front; every client of ours sends one
            reject(response, HttpServletResponse.SC_LENGTH_REQUIRED, "Length Required",
                    "Send the body with a Content-Length header");
            return;
        }
        boolean upload = "POST".equals(request.getMethod())
                && UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
        if (upload && request.getContentLengthLong() > maxUploadBytes) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                    + "\"detail\":\"file: larger than " + (maxUploadBytes - UPLOAD_ENVELOPE_BYTES) + " bytes\","
                    + "\"errors\":[{\"field\":\"file\",\"message\":\"larger than " + (maxUploadBytes - UPLOAD_ENVELOPE_BYTES)
                    + " bytes\"}]}");
            return;
        }
        if (!upload && request.getContentLengthLong() > maxBytes) {
            reject(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Payload Too Large",
                    "The request body is larger than " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }

    static void reject(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
