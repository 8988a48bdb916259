package com.aftercare.field;

import org.springframework.stereotype.Component;

/**
 * Stand-in so this branch starts: accepts any positive attachment id. Deleted at merge: attach implements it.
 */
@Component
class TemporarySignatureCheck implements SignatureCheck {

    @Override
    public boolean isSignatureOf(long ticketId, long attachmentId) {
        return attachmentId > 0;
    }
}
