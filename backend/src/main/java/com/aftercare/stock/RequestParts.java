package com.aftercare.stock;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.ticket.FindTicket;

/** An engineer asks for parts (领料单), optionally for a case; it waits for a supervisor's approval. */
@Service
public class RequestParts {

    public record PartRequest(Long partId, Long warehouseId, Integer quantity, Long ticketId, String purpose) {
    }

    private final PartRepository parts;
    private final WarehouseRepository warehouses;
    private final RequisitionRepository requisitions;
    private final FindTicket tickets;
    private final Clock clock;

    RequestParts(PartRepository parts, WarehouseRepository warehouses, RequisitionRepository requisitions, FindTicket tickets,
            Clock clock) {
        this.parts = parts;
        this.warehouses = warehouses;
        this.requisitions = requisitions;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Transactional
    public long request(Actor actor, PartRequest body) {
        actor.require(Actor.REQUESTERS, "request parts");
        Part part = parts.findById(Text.id(body.partId(), "partId"))
                .orElseThrow(() -> new BadRequestException("partId", "no such part"));
        Warehouse warehouse = warehouses.findById(Text.id(body.warehouseId(), "warehouseId"))
                .orElseThrow(() -> new BadRequestException("warehouseId", "no such warehouse"));
        int quantity = Text.positive(body.quantity(), "quantity");
        if (body.ticketId() != null) {
            try {
                tickets.get(body.ticketId());
            } catch (NotFoundException e) {
                throw new BadRequestException("ticketId", "no such case");
            }
        }
        String purpose = Text.optional(body.purpose(), "purpose", 1000);
        return requisitions.save(new Requisition(part.getId(), warehouse.getId(), quantity, body.ticketId(), purpose,
                actor.username(), clock.instant())).getId();
    }
}
