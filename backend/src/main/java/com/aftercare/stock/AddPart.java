package com.aftercare.stock;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;

/** A new catalogue entry with the alarm level its stock is watched against (003: 配件使用报警数量). */
@Service
public class AddPart {

    public record NewPart(String partNumber, String name, String model, String unit, Integer alarmLevel) {
    }

    private final PartRepository parts;

    AddPart(PartRepository parts) {
        this.parts = parts;
    }

    @Transactional
    public long add(Actor actor, NewPart body) {
        actor.require(Actor.KEEPERS, "edit the parts catalogue");
        String number = Text.required(body.partNumber(), "partNumber", 100);
        String name = Text.required(body.name(), "name", 200);
        String model = Text.optional(body.model(), "model", 200);
        String unit = Text.required(body.unit(), "unit", 20);
        if (body.alarmLevel() == null) {
            throw new BadRequestException("alarmLevel", "required");
        }
        if (body.alarmLevel() < 0 || body.alarmLevel() > 1_000_000) {
            throw new BadRequestException("alarmLevel", "must be between 0 and 1000000");
        }
        if (parts.findByPartNumber(number).isPresent()) {
            throw ConflictException.of("partNumberTaken", Map.of("number", number));
        }
        return parts.save(new Part(number, name, model, unit, body.alarmLevel())).getId();
    }
}
