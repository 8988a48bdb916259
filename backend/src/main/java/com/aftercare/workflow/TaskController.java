package com.aftercare.workflow;

import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;

@RestController
class TaskController {

    private final WorkflowTaskService tasks;
    private final ReadTaskInbox inbox;

    /** The last page number accepted: an inbox of a million tasks at the smallest page size still fits under it. */
    static final int MOST_PAGES = 1_000_000;

    TaskController(WorkflowTaskService tasks, ReadTaskInbox inbox) {
        this.tasks = tasks;
        this.inbox = inbox;
    }

    /**
     * The newest page of the inbox as a bare list, as it always was (scripts and older clients read it so): {@code page}
     * from 0; {@code size} 1 to 200, by default 200. It says nothing of tasks beyond the page; {@code /api/tasks/page} does.
     */
    @GetMapping("/api/tasks")
    List<TaskView> inbox(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "200") int size) {
        checkPage(page, size);
        return inbox.read(CurrentUser.username(), CurrentUser.roles(), page, size);
    }

    /**
     * A page of the inbox with the size of the whole inbox (ADR 0063), in the shape of the ticket list's pages: what
     * the SPA shows. {@code size} 1 to 200, by default 50.
     */
    @GetMapping("/api/tasks/page")
    TaskPage inboxPage(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        return inbox.readPage(CurrentUser.username(), CurrentUser.roles(), page, size);
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || page > MOST_PAGES) {
            throw new BadRequestException("page", "must be between 0 and " + MOST_PAGES);
        }
        if (size < 1 || size > ReadTaskInbox.PAGE) {
            throw new BadRequestException("size", "must be between 1 and " + ReadTaskInbox.PAGE);
        }
    }

    @PostMapping("/api/tasks/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void claim(@PathVariable String id) {
        checkId(id);
        tasks.claim(id, CurrentUser.username(), CurrentUser.roles());
    }

    @PostMapping("/api/tasks/{id}/unclaim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unclaim(@PathVariable String id) {
        checkId(id);
        tasks.unclaim(id, CurrentUser.username(), CurrentUser.roles());
    }

    record Reassignment(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String assignee) {
    }

    @PostMapping("/api/tasks/{id}/assign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void assign(@PathVariable String id, @jakarta.validation.Valid @RequestBody Reassignment body) {
        checkId(id);
        tasks.reassign(id, body.assignee(), CurrentUser.roles());
    }

    /**
     * Optional Idempotency-Key (issue 12): a phone that sends a kept form again gets 204 again, and the
     * task is completed once; the same key with other values or from another user is a 422.
     */
    @PostMapping("/api/tasks/{id}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        checkId(id);
        try {
            tasks.complete(id, values, idempotencyKey, CurrentUser.username(), CurrentUser.roles());
        } catch (DataIntegrityViolationException e) {
            // two sends of the same kept form raced; the loser answers as the winner did (or 422 if it is another request)
            if (!tasks.replayCompletion(id, values, idempotencyKey, CurrentUser.username())) {
                throw e;
            }
        }
    }

    private static void checkId(String id) {
        if (id.length() > 64) {
            throw new BadRequestException("id", "not a task id");
        }
    }
}
