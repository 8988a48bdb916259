package com.aftercare.configitem;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Configuration items (RP-4): a unit's applications, software, links and services and what they rest on. */
@RestController
@Tag(name = "Configuration items")
class ConfigItemController {

    private final ReadConfigItems read;
    private final RegisterConfigItem register;
    private final EditConfigItem edit;
    private final LinkConfigItem link;
    private final UnlinkConfigItem unlink;
    private final FindDeviceImpact impact;
    private final ReadConfigGraph graph;

    ConfigItemController(ReadConfigItems read, RegisterConfigItem register, EditConfigItem edit, LinkConfigItem link,
            UnlinkConfigItem unlink, FindDeviceImpact impact, ReadConfigGraph graph) {
        this.graph = graph;
        this.read = read;
        this.register = register;
        this.edit = edit;
        this.link = link;
        this.unlink = unlink;
        this.impact = impact;
    }

    @GetMapping("/api/config-items")
    @Operation(summary = "Configuration items by unit, kind, status and text (500 at most, by unit then name); a customer's user gets their unit's")
    List<ReadConfigItems.Summary> list(@RequestParam(required = false) Long customerId,
            @RequestParam(required = false) ConfigItemKind kind, @RequestParam(required = false) ConfigItemStatus status,
            @RequestParam(required = false) String q) {
        return read.list(customerId, kind, status, q);
    }

    @GetMapping("/api/config-items/graph")
    @Operation(summary = "A unit's items in use, the devices they rest on, their relations and open cases (customerId required for staff; a customer's user gets their unit's)")
    ReadConfigGraph.Graph graph(@RequestParam(required = false) Long customerId) {
        return graph.of(customerId);
    }

    @GetMapping("/api/config-items/{id}")
    @Operation(summary = "One item with its relations both ways and its history, newest first")
    ReadConfigItems.ItemView one(@PathVariable long id) {
        return read.one(id);
    }

    @PostMapping("/api/config-items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an item (engineers, supervisors, process owners, admins); 400 names the field")
    ReadConfigItems.ItemView create(@RequestBody RegisterConfigItem.NewConfigItem body) {
        return register.register(body);
    }

    @PutMapping("/api/config-items/{id}")
    @Operation(summary = "Correct an item; each changed field is a history line; 409 when someone else changed it since the revision read")
    ReadConfigItems.ItemView edit(@PathVariable long id, @RequestBody EditConfigItem.ConfigItemEdit body) {
        return edit.edit(id, body);
    }

    @PostMapping("/api/config-items/{id}/links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the item runs on, depends on or connects to a device or another item of its unit; 409 when recorded already")
    ReadConfigItems.ItemView link(@PathVariable long id, @RequestBody LinkConfigItem.NewLink body) {
        return link.link(id, body);
    }

    @DeleteMapping("/api/config-items/{id}/links/{linkId}")
    @Operation(summary = "Take a relation away (kept on record as removed); 404 when it is not there (any more)")
    ReadConfigItems.ItemView unlink(@PathVariable long id, @PathVariable long linkId) {
        return unlink.unlink(id, linkId);
    }

    @GetMapping("/api/devices/{id}/config-items")
    @Operation(summary = "The planned and running items that rest on the device, directly or through other items, nearest first")
    List<FindDeviceImpact.Impact> impact(@PathVariable long id) {
        return impact.of(id);
    }
}
