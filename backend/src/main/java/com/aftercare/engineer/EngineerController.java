package com.aftercare.engineer;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EngineerController {

    private final EngineerService engineers;

    EngineerController(EngineerService engineers) {
        this.engineers = engineers;
    }

    record EngineerView(String username, String displayName, String phone, String team) {
    }

    @GetMapping("/api/engineers")
    List<EngineerView> engineers() {
        return engineers.available().stream()
                .map(e -> new EngineerView(e.getUsername(), e.getDisplayName(), e.getPhone(),
                        e.getTeam() == null ? null : e.getTeam().getName()))
                .toList();
    }
}
