package com.aftercare.attachment;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Spring's multipart limits follow {@code aftercare.attachments.max-size}: a request may carry one file of
 * that size plus the multipart envelope ({@link #ENVELOPE_BYTES}); the exact size check is
 * {@link UploadAttachment}'s, so the answer names the limit. Larger requests are refused before they are read
 * (common.RequestSizeLimitFilter).
 */
@Configuration
class AttachmentUploadLimits {

    /** Room for the multipart boundaries, part headers and the small kind/visibility fields. */
    static final long ENVELOPE_BYTES = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${aftercare.attachments.max-size:10MB}") DataSize maxSize) {
        long request = maxSize.toBytes() + ENVELOPE_BYTES;
        return new MultipartConfigElement(null, request, request, 0);
    }
}
