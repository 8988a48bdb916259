package com.aftercare.caseitem;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A case's configuration items (RP-4). */
@RestController
@Tag(name = "Configuration items")
class CaseItemController {

    private final ReadCaseItems read;
    private final LinkItemToCase link;
    private final UnlinkItemFromCase unlink;

    CaseItemController(ReadCaseItems read, LinkItemToCase link, UnlinkItemFromCase unlink) {
        this.read = read;
        this.link = link;
        this.unlink = unlink;
    }

    @GetMapping("/api/tickets/{id}/config-items")
    @Operation(summary = "The configuration items the case names, first named first")
    List<ReadCaseItems.CaseItemView> list(@PathVariable long id) {
        return read.of(id);
    }

    @PostMapping("/api/tickets/{id}/config-items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Name an item of the case's unit (desk, engineers, supervisors; open cases); 409 configItemOnCase when named already")
    ReadCaseItems.CaseItemView add(@PathVariable long id, @RequestBody(required = false) LinkItemToCase.NewCaseItem body) {
        try {
            return link.link(id, body);
        } catch (DataIntegrityViolationException twoClicksAtOnce) {
            throw link.lostRace(id, body.configItemId());
        }
    }

    @DeleteMapping("/api/tickets/{id}/config-items/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The case no longer names the item; 404 when it did not")
    void remove(@PathVariable long id, @PathVariable long itemId) {
        unlink.unlink(id, itemId);
    }
}
