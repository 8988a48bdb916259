package com.aftercare.alarm;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The alarms behind a case (staff only: not among CustomerRoutes). */
@RestController
class CaseAlarmsController {

    private final ReadCaseAlarms read;

    CaseAlarmsController(ReadCaseAlarms read) {
        this.read = read;
    }

    @GetMapping("/api/tickets/{id}/alarms")
    List<ReadCaseAlarms.CaseAlarm> alarms(@PathVariable Long id) {
        return read.read(id);
    }
}
