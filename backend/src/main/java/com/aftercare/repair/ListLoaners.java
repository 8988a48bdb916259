package com.aftercare.repair;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The loaner pool, oldest unit first. */
@Service
public class ListLoaners {

    private final LoanerUnitRepository units;

    ListLoaners(LoanerUnitRepository units) {
        this.units = units;
    }

    @Transactional(readOnly = true)
    public List<LoanerView> all() {
        return units.findAllByOrderByIdAsc().stream().map(LoanerView::of).toList();
    }
}
