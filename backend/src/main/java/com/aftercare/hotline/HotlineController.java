package com.aftercare.hotline;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The hotline's calls and its answer rate (IN-10). The desk, supervisors and admins; the phone system with a desk token. */
@RestController
@RequestMapping("/api/hotline")
@Tag(name = "Hotline")
class HotlineController {

    private final RecordHotlineCall record;
    private final ReadHotlineCalls read;
    private final SummariseHotlineMonth summary;
    private final RecordHotlineCallback callback;

    HotlineController(RecordHotlineCall record, ReadHotlineCalls read, SummariseHotlineMonth summary, RecordHotlineCallback callback) {
        this.record = record;
        this.read = read;
        this.summary = summary;
        this.callback = callback;
    }

    @PostMapping("/calls")
    @Operation(summary = "Report an incoming call (the phone system): 201 the first time, 200 when the callId is known (completed with "
            + "what is new), 409 when it contradicts what was recorded")
    ResponseEntity<ReadHotlineCalls.CallView> report(@RequestBody RecordHotlineCall.CallReport body) {
        RecordHotlineCall.Recorded recorded = record.record(body);
        if (!recorded.created()) {
            return ResponseEntity.ok(recorded.call());
        }
        return ResponseEntity.created(URI.create("/api/hotline/calls/" + recorded.call().id())).body(recorded.call());
    }

    @GetMapping("/summary")
    @Operation(summary = "The month's answer rate against the 90 % target, missed calls still to call back, and per day (month yyyy-MM, default this one)")
    SummariseHotlineMonth.Summary summary(@RequestParam(required = false) String month) {
        return summary.summarise(month);
    }

    @GetMapping("/calls")
    @Operation(summary = "The month's calls, newest first (500 at most); missed=true only unanswered; open=true only missed calls still to call back")
    List<ReadHotlineCalls.CallView> calls(@RequestParam(required = false) String month,
            @RequestParam(defaultValue = "false") boolean missed, @RequestParam(defaultValue = "false") boolean open) {
        return read.list(month, missed, open);
    }

    @PostMapping("/calls/{id}/callback")
    @Operation(summary = "Record that a missed caller was called back (once; 409 for an answered call or a second time)")
    ReadHotlineCalls.CallView callback(@PathVariable long id, @RequestBody(required = false) RecordHotlineCallback.Callback body) {
        return callback.record(id, body);
    }
}
