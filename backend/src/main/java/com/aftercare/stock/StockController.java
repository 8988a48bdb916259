package com.aftercare.stock;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Spare-parts stock (FW-6): catalogue, receipts, requisitions, stale stock and the monthly count. */
@RestController
@RequestMapping("/api/stock")
@Tag(name = "Stock")
class StockController {

    record CreatedId(long id) {
    }

    private final ReadStock read;
    private final AddWarehouse addWarehouse;
    private final AddPart addPart;
    private final ReceiveStock receiveStock;
    private final RequestParts requestParts;
    private final DecideRequisition decideRequisition;
    private final IssueParts issueParts;
    private final StartCount startCount;
    private final EnterCounts enterCounts;
    private final SubmitCount submitCount;
    private final DecideCount decideCount;
    private final ReadStaleStockWarnings staleWarnings;
    private final SetStaleWarningRecipients staleWarningRecipients;
    private final TransferParts transferParts;
    private final ReceiveTransfer receiveTransfer;
    private final ReadTransfers transfers;
    private final CancelTransfer cancelTransfer;

    StockController(ReadStock read, AddWarehouse addWarehouse, AddPart addPart, ReceiveStock receiveStock,
            RequestParts requestParts, DecideRequisition decideRequisition, IssueParts issueParts, StartCount startCount,
            EnterCounts enterCounts, SubmitCount submitCount, DecideCount decideCount, ReadStaleStockWarnings staleWarnings,
            SetStaleWarningRecipients staleWarningRecipients, TransferParts transferParts, ReceiveTransfer receiveTransfer,
            ReadTransfers transfers, CancelTransfer cancelTransfer) {
        this.cancelTransfer = cancelTransfer;
        this.transferParts = transferParts;
        this.receiveTransfer = receiveTransfer;
        this.transfers = transfers;
        this.staleWarningRecipients = staleWarningRecipients;
        this.staleWarnings = staleWarnings;
        this.read = read;
        this.addWarehouse = addWarehouse;
        this.addPart = addPart;
        this.receiveStock = receiveStock;
        this.requestParts = requestParts;
        this.decideRequisition = decideRequisition;
        this.issueParts = issueParts;
        this.startCount = startCount;
        this.enterCounts = enterCounts;
        this.submitCount = submitCount;
        this.decideCount = decideCount;
    }

    @GetMapping("/stale-warnings")
    @Operation(summary = "The month-end written warnings about stale stock, the last 24 months, newest first (keepers)")
    List<ReadStaleStockWarnings.WarningView> staleWarnings() {
        return staleWarnings.recent(Actor.current());
    }

    @GetMapping("/stale-warnings/recipients")
    @Operation(summary = "Who gets the month-end stale stock warning by e-mail (keepers)")
    SetStaleWarningRecipients.Recipients staleWarningRecipients() {
        return staleWarningRecipients.read(Actor.current());
    }

    @org.springframework.web.bind.annotation.PutMapping("/stale-warnings/recipients")
    @Operation(summary = "Set who gets the month-end stale stock warning by e-mail, as a whole (keepers); 400 names recipients")
    SetStaleWarningRecipients.Recipients setStaleWarningRecipients(
            @org.springframework.web.bind.annotation.RequestBody SetStaleWarningRecipients.Recipients body) {
        return staleWarningRecipients.set(Actor.current(), body);
    }

    @GetMapping("/stale-warnings/{id}/file")
    @Operation(summary = "One month-end stale stock warning as an Excel sheet (keepers)")
    org.springframework.http.ResponseEntity<byte[]> staleWarningFile(@PathVariable long id) {
        ReadStaleStockWarnings.File file = staleWarnings.file(Actor.current(), id);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType
                        .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }

    @GetMapping("/warehouses")
    @Operation(summary = "The spare-parts warehouses")
    List<ReadStock.WarehouseView> warehouses() {
        return read.warehouses(Actor.current());
    }

    @PostMapping("/warehouses")
    @Operation(summary = "Set up a warehouse (stock keeper: SUPERVISOR or ADMIN)")
    ResponseEntity<CreatedId> addWarehouse(@RequestBody AddWarehouse.NewWarehouse body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedId(addWarehouse.add(Actor.current(), body)));
    }

    @GetMapping("/parts")
    @Operation(summary = "The catalogue with stock on hand, alarm marks (at or below the alarm level) and stale marks per batch")
    List<ReadStock.PartView> parts() {
        return read.parts(Actor.current());
    }

    @PostMapping("/parts")
    @Operation(summary = "Add a part to the catalogue, with its alarm level")
    ResponseEntity<CreatedId> addPart(@RequestBody AddPart.NewPart body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedId(addPart.add(Actor.current(), body)));
    }

    @PostMapping("/receipts")
    @Operation(summary = "Receive stock: a new batch and a RECEIPT movement")
    ResponseEntity<CreatedId> receive(@RequestBody ReceiveStock.Receipt body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedId(receiveStock.receive(Actor.current(), body)));
    }

    @GetMapping("/stale")
    @Operation(summary = "Batches with stock left received more than aftercare.stock.stale-after (default P2M) ago")
    ReadStock.StaleStock stale() {
        return read.stale(Actor.current());
    }

    @GetMapping("/movements")
    @Operation(summary = "The stock ledger: receipts, issues and count adjustments (one part's, or the newest 200)")
    List<ReadStock.MovementView> movements(@RequestParam(required = false) Long partId) {
        return read.movements(Actor.current(), partId);
    }

    @GetMapping("/requisitions")
    @Operation(summary = "Requisitions: an engineer's own, all for keepers and supervisors")
    List<ReadStock.RequisitionView> requisitions() {
        return read.requisitions(Actor.current());
    }

    @GetMapping("/requisitions/{id}")
    @Operation(summary = "One requisition, with the batches it was issued from")
    ReadStock.RequisitionView requisition(@PathVariable long id) {
        return read.requisition(Actor.current(), id);
    }

    @PostMapping("/requisitions")
    @Operation(summary = "Request parts (engineer), optionally for a case")
    ResponseEntity<CreatedId> request(@RequestBody RequestParts.PartRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedId(requestParts.request(Actor.current(), body)));
    }

    @PostMapping("/requisitions/{id}/decision")
    @Operation(summary = "Approve, or reject with a reason (SUPERVISOR); 409 when already decided")
    ResponseEntity<Void> decide(@PathVariable long id, @RequestBody DecideRequisition.RequisitionDecision body) {
        decideRequisition.decide(Actor.current(), id, body);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/requisitions/{id}/issue")
    @Operation(summary = "Issue an approved requisition, oldest batch first; 409 when not enough is left")
    ReadStock.RequisitionView issue(@PathVariable long id) {
        issueParts.issue(Actor.current(), id);
        return read.requisition(Actor.current(), id);
    }

    @GetMapping("/counts")
    @Operation(summary = "Monthly counts (reconciliation), newest first")
    List<ReadStock.CountView> counts() {
        return read.counts(Actor.current());
    }

    @GetMapping("/counts/{id}")
    @Operation(summary = "A count sheet with its lines and differences")
    ReadStock.CountView count(@PathVariable long id) {
        return read.count(Actor.current(), id);
    }

    @PostMapping("/counts")
    @Operation(summary = "Start the month's count of a warehouse; 409 when it has one")
    ResponseEntity<CreatedId> startCount(@RequestBody StartCount.NewCount body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedId(startCount.start(Actor.current(), body)));
    }

    @PutMapping("/counts/{id}/lines")
    @Operation(summary = "Enter counted quantities and reasons while counting")
    ReadStock.CountView enterCounts(@PathVariable long id, @RequestBody EnterCounts.CountEntries body) {
        enterCounts.enter(Actor.current(), id, body);
        return read.count(Actor.current(), id);
    }

    @PostMapping("/counts/{id}/submit")
    @Operation(summary = "Submit the count: every line counted, every difference with a reason; 409 when already submitted")
    ResponseEntity<Void> submit(@PathVariable long id) {
        submitCount.submit(Actor.current(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/counts/{id}/decision")
    @Operation(summary = "Approve (applies the differences as adjustments) or send back for a recount (SUPERVISOR); 409 when not submitted")
    ResponseEntity<Void> decideCount(@PathVariable long id, @RequestBody DecideCount.CountDecision body) {
        decideCount.decide(Actor.current(), id, body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/transfers")
    @Operation(summary = "Transfers between warehouses (调拨), newest first, at most 500; optionally only IN_TRANSIT, RECEIVED or CANCELLED")
    List<ReadTransfers.TransferView> transfers(@RequestParam(required = false) TransferStatus status) {
        return transfers.list(Actor.current(), status);
    }

    @PostMapping("/transfers")
    @Operation(summary = "Ship parts to another warehouse (keeper): taken oldest batch first, in transit until received; "
            + "400 names the field, 409 when the source has too little")
    ResponseEntity<ReadTransfers.TransferView> transfer(@RequestBody TransferParts.NewTransfer body) {
        long id = transferParts.ship(Actor.current(), body);
        return ResponseEntity.status(HttpStatus.CREATED).body(transfers.one(Actor.current(), id));
    }

    @PostMapping("/transfers/{id}/cancel")
    @Operation(summary = "Withdraw a transfer still on the road (keepers; reason required): its parts go back to the source "
            + "warehouse with their received dates and costs; 409 when it was received or withdrawn already")
    ReadTransfers.TransferView cancelTransfer(@PathVariable long id,
            @RequestBody(required = false) CancelTransfer.Withdrawal body) {
        cancelTransfer.cancel(Actor.current(), id, body);
        return transfers.one(Actor.current(), id);
    }

    @PostMapping("/transfers/{id}/receive")
    @Operation(summary = "Confirm a transfer arrived (keeper): its batches join the target warehouse with their received "
            + "dates; 409 when already received")
    ReadTransfers.TransferView receiveTransfer(@PathVariable long id,
            @RequestBody(required = false) ReceiveTransfer.Receipt body) {
        receiveTransfer.receive(Actor.current(), id, body);
        return transfers.one(Actor.current(), id);
    }
}
