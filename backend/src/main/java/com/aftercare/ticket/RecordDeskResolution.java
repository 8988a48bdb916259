package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A consultation answered at the first line is both responded to and resolved, in that order. */
@Service
public class RecordDeskResolution {

    private final RecordResponse response;
    private final RecordResolution resolution;

    RecordDeskResolution(RecordResponse response, RecordResolution resolution) {
        this.response = response;
        this.resolution = resolution;
    }

    @Transactional
    public void record(Long ticketId) {
        response.record(ticketId);
        resolution.record(ticketId, ResolutionWay.AT_DESK);
    }
}
