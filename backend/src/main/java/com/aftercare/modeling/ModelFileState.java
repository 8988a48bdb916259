package com.aftercare.modeling;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The content (as a SHA-256) a bpmn/ file had when it was last deployed or found in sync. */
@Entity
@Table(name = "model_file_state")
class ModelFileState {

    @Id
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_sha256")
    private String contentSha256;
    @Column(name = "seen_at")
    private Instant seenAt;

    protected ModelFileState() {
    }

    ModelFileState(String fileName, String contentSha256, Instant seenAt) {
        this.fileName = fileName;
        this.contentSha256 = contentSha256;
        this.seenAt = seenAt;
    }

    String getContentSha256() {
        return contentSha256;
    }

    void seen(String sha256, Instant at) {
        this.contentSha256 = sha256;
        this.seenAt = at;
    }
}
