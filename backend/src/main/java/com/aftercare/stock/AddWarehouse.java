package com.aftercare.stock;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;

/** A new spare-parts store. */
@Service
public class AddWarehouse {

    public record NewWarehouse(String code, String name) {
    }

    private final WarehouseRepository warehouses;

    AddWarehouse(WarehouseRepository warehouses) {
        this.warehouses = warehouses;
    }

    @Transactional
    public long add(Actor actor, NewWarehouse body) {
        actor.require(Actor.KEEPERS, "set up warehouses");
        String code = Text.required(body.code(), "code", 50);
        String name = Text.required(body.name(), "name", 200);
        if (warehouses.findByCode(code).isPresent()) {
            throw ConflictException.of("warehouseCodeTaken", Map.of("code", code));
        }
        return warehouses.save(new Warehouse(code, name)).getId();
    }
}
