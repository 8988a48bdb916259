package com.aftercare.conversation;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A case's conversation: internal notes and customer-visible replies, with files and @-mentions. */
@RestController
class ConversationController {

    private final ReadConversation read;
    private final PostMessage post;
    private final ListMentionableUsers mentionable;

    ConversationController(ReadConversation read, PostMessage post, ListMentionableUsers mentionable) {
        this.read = read;
        this.post = post;
        this.mentionable = mentionable;
    }

    @GetMapping("/api/tickets/{id}/conversation")
    List<MessageView> list(@PathVariable long id) {
        return read.of(id);
    }

    @PostMapping("/api/tickets/{id}/conversation")
    ResponseEntity<MessageView> post(@PathVariable long id, @Valid @RequestBody NewMessage request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        PostMessage.Posted posted = post.post(id, request, idempotencyKey);
        if (!posted.isNew()) {
            return ResponseEntity.ok(posted.message());
        }
        return ResponseEntity.created(URI.create("/api/tickets/" + id + "/conversation")).body(posted.message());
    }

    @GetMapping("/api/mentionable-users")
    List<ListMentionableUsers.Mentionable> mentionable(@RequestParam(required = false) Long ticketId) {
        return mentionable.list(ticketId);
    }
}
