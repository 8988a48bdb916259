package com.aftercare.repair;

import java.util.Map;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;

/** A unit joins the loaner pool (RR-4): model, serial number (unique), where it is kept; it starts available. */
@Service
public class AddLoaner {

    public record NewLoaner(String model, String serial, String keptAt) {
    }

    private final LoanerUnitRepository units;

    AddLoaner(LoanerUnitRepository units) {
        this.units = units;
    }

    @Transactional
    public LoanerView add(NewLoaner loaner) {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        String model = text(errors, "model", loaner == null ? null : loaner.model());
        String serial = text(errors, "serial", loaner == null ? null : loaner.serial());
        String keptAt = text(errors, "keptAt", loaner == null ? null : loaner.keptAt());
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        if (units.existsBySerialIgnoreCase(serial)) {
            throw ConflictException.of("loanerSerialTaken", Map.of("serial", serial));
        }
        return LoanerView.of(units.save(new LoanerUnit(model, serial, keptAt)));
    }

    private static String text(List<BadRequestException.FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new BadRequestException.FieldError(field, "is required"));
            return null;
        }
        if (value.strip().length() > 200) {
            errors.add(new BadRequestException.FieldError(field, "at most 200 characters"));
        }
        return value.strip();
    }
}
