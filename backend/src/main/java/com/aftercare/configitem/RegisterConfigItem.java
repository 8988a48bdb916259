package com.aftercare.configitem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.identity.CurrentUser;

import io.swagger.v3.oas.annotations.media.Schema;

/** A keeper registers a customer unit's application system, platform software, network link or service (RP-4). */
@Service
public class RegisterConfigItem {

    /** status: IN_SERVICE when left out (what is recorded is mostly running already). */
    @Schema(name = "NewConfigItem")
    public record NewConfigItem(Long customerId, ConfigItemKind kind, String name, String version, String location,
            ConfigItemStatus status, String owner, String parameters, String notes) {
    }

    private final ConfigItemRepository items;
    private final ConfigItemEventRepository events;
    private final AssetService assets;
    private final ReadConfigItems views;
    private final Clock clock;

    RegisterConfigItem(ConfigItemRepository items, ConfigItemEventRepository events, AssetService assets,
            ReadConfigItems views, Clock clock) {
        this.items = items;
        this.events = events;
        this.assets = assets;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public ReadConfigItems.ItemView register(NewConfigItem command) {
        ConfigItemActor.requireKeeper();
        if (command == null) {
            throw new BadRequestException("body", "is required");
        }
        List<FieldError> errors = ConfigItemRules.errors();
        Long customerId = command.customerId();
        if (customerId == null) {
            errors.add(new FieldError("customerId", "is required"));
        } else if (assets.customerName(customerId) == null) {
            errors.add(new FieldError("customerId", "unknown customer unit " + customerId));
            customerId = null;
        }
        ConfigItem.Description d = ConfigItemRules.description(command.kind(), command.name(), command.version(),
                command.location(), command.status() == null ? ConfigItemStatus.IN_SERVICE : command.status(),
                command.owner(), command.parameters(), command.notes(), errors);
        ConfigItemRules.throwIfAny(errors);
        items.lockUnit(customerId);
        if (items.existsByCustomerIdAndName(customerId, d.name())) {
            throw new BadRequestException("name", "the unit has an item named " + d.name() + " already");
        }
        String by = CurrentUser.username();
        // what the database keeps (H2 rounds nanoseconds), so that the 201 answer and a later read agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ConfigItem item = items.saveAndFlush(new ConfigItem(customerId, d, by, now));
        events.save(ConfigItemEvent.created(item, by, now));
        return views.view(item);
    }
}
