package com.aftercare.emailintake;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The intake mailbox's status for admins and supervisors (the /api/admin rules of SecurityConfig). */
@RestController
@RequestMapping("/api/admin/mail-intake")
class MailIntakeController {

    private final ReadMailIntakeStatus read;

    MailIntakeController(ReadMailIntakeStatus read) {
        this.read = read;
    }

    @GetMapping
    ReadMailIntakeStatus.StatusView status() {
        return read.read();
    }
}
