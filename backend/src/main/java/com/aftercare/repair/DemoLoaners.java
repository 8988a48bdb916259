package com.aftercare.repair;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo data of this feature: three loaner units in the pool when it is empty (demo profile only). */
@Component
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoLoaners {

    private static final Logger log = LoggerFactory.getLogger(DemoLoaners.class);

    private final LoanerUnitRepository units;
    private final AddLoaner addLoaner;

    DemoLoaners(LoanerUnitRepository units, AddLoaner addLoaner) {
        this.units = units;
        this.addLoaner = addLoaner;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (units.count() > 0) {
            return;
        }
        addLoaner.add(new AddLoaner.NewLoaner("DS-2CD3T46WD 网络摄像机", "LN-CAM-0001", "市局备件库 A-3"));
        addLoaner.add(new AddLoaner.NewLoaner("DS-2CD3T46WD 网络摄像机", "LN-CAM-0002", "市局备件库 A-3"));
        addLoaner.add(new AddLoaner.NewLoaner("DS-7916N-R4 NVR", "LN-NVR-0001", "县局备件柜 2 号"));
        log.info("Demo loaner units added: 3");
    }
}
