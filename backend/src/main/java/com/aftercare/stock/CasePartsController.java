package com.aftercare.stock;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.ticket.FindTicket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The parts a case took from stock (FW-5, ADR 0028), for the staff case page: whether the owner approved the case's
 * parts, and each requisition for the case with its status and the batches it was issued from. Staff only, like all
 * of the stock (a customer's user gets 403).
 */
@RestController
@Tag(name = "Stock")
class CasePartsController {

    /** ownerApproved: the owner approved the case's parts, so its requisitions may be issued. */
    record CaseParts(long ticketId, boolean ownerApproved, List<ReadStock.RequisitionView> requisitions) {
    }

    private final ReadStock read;
    private final FindTicket tickets;
    private final CasePartsApproval approval;

    CasePartsController(ReadStock read, FindTicket tickets, CasePartsApproval approval) {
        this.read = read;
        this.tickets = tickets;
        this.approval = approval;
    }

    @GetMapping("/api/tickets/{id}/stock-parts")
    @Operation(summary = "The case's requisitions with the batches they were issued from, and whether the owner approved the parts")
    CaseParts caseParts(@PathVariable long id) {
        Actor actor = Actor.current();
        List<ReadStock.RequisitionView> list = read.forCase(actor, id);
        tickets.getVisible(id);
        return new CaseParts(id, approval.partsApproved(id), list);
    }
}
