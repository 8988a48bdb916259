package com.aftercare.conversation;

import java.util.List;

import jakarta.validation.constraints.Size;

import com.aftercare.attachment.Visibility;

/**
 * A message to post. body is required unless attachmentIds are given; visibility defaults to INTERNAL for
 * staff and is always PUBLIC for a customer's user; mentions are user names of staff (without the "@").
 */
public record NewMessage(@Size(max = 4000) String body, Visibility visibility, @Size(max = 20) List<Long> attachmentIds,
        @Size(max = 20) List<@Size(max = 100) String> mentions) {
}
