package com.aftercare.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ServiceContract;
import com.aftercare.warranty.ContractWarranty;

/**
 * CB-2: the callback task of each customer whose project has an acceptance day (the contract's warranty terms, WA-1):
 * one per month in the first year after acceptance, one per 3 months after (seed 004). The daily timer calls this;
 * a period whose callback exists is left alone, so a retry or the next day makes nothing new, and a changed
 * acceptance day takes effect at the next run.
 */
@Service
public class OpenPeriodicCallbacks {

    private final SurveyRepository surveys;
    private final ContractBook contracts;
    private final ContractWarranty warranty;
    private final AssetService assets;
    private final SurveyNotices notices;
    private final Clock clock;

    OpenPeriodicCallbacks(SurveyRepository surveys, ContractBook contracts, ContractWarranty warranty, AssetService assets,
            SurveyNotices notices, Clock clock) {
        this.surveys = surveys;
        this.contracts = contracts;
        this.warranty = warranty;
        this.assets = assets;
        this.notices = notices;
        this.clock = clock;
    }

    /** Returns the ids of the callbacks opened now. */
    @Transactional
    public List<Long> openDue() {
        LocalDate today = LocalDate.now(clock);
        Set<Long> active = assets.customers().stream().filter(Customer::isActive).map(Customer::getId)
                .collect(Collectors.toSet());
        List<Long> opened = new ArrayList<>();
        for (ServiceContract contract : contracts.contracts()) {
            if (!active.contains(contract.getCustomerId())) {
                continue;
            }
            LocalDate accepted = warranty.of(contract.getId()).acceptedOn();
            SurveyPeriods.Period period = accepted == null ? null : SurveyPeriods.callbackPeriod(accepted, today);
            if (period == null
                    || surveys.existsByKindAndCustomerIdAndSlot(SurveyKind.CALLBACK, contract.getCustomerId(),
                            Survey.slot(SurveyKind.CALLBACK, null, period.start()))) {
                continue;
            }
            opened.add(surveys.save(new Survey(SurveyKind.CALLBACK, contract.getCustomerId(), null, period.start(),
                    period.end(), SurveyPeriods.endOf(period.end(), clock.getZone()), clock.instant())).getId());
        }
        surveys.flush();
        notices.opened(SurveyKind.CALLBACK, opened.size());
        return opened;
    }
}
