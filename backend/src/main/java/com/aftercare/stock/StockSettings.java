package com.aftercare.stock;

import java.time.Period;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * aftercare.stock.stale-after: how old a batch with stock left may get before it is warned about as stale. The
 * contract (003, 1.2 "入库管理") has the keeper warn in writing each month-end about stock older than 2 months: P2M.
 */
@Component
class StockSettings {

    private final Period staleAfter;

    StockSettings(@Value("${aftercare.stock.stale-after:P2M}") Period staleAfter) {
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("aftercare.stock.stale-after must be positive, was " + staleAfter);
        }
        this.staleAfter = staleAfter;
    }

    Period staleAfter() {
        return staleAfter;
    }
}
