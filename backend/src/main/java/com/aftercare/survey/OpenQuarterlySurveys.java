package com.aftercare.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayService;
import com.aftercare.calendar.WeeklySchedule;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ServiceContract;

/**
 * CB-3: once a quarter has ended, one satisfaction survey per customer with a contract, due on the 10th working day
 * after the quarter's end (seed 000: "在每季度结束后的10个工作日内将调查结果报送采购人"), each run by
 * quarterly-survey.bpmn so a late one escalates. The daily timer calls this; a survey already opened is left alone,
 * and past its due day nothing is opened any more (a server started long after a quarter does not invent late work).
 */
@Service
public class OpenQuarterlySurveys {

    private final SurveyRepository surveys;
    private final ContractBook contracts;
    private final AssetService assets;
    private final HolidayService holidays;
    private final SurveyProcesses processes;
    private final SurveyNotices notices;
    private final Clock clock;

    OpenQuarterlySurveys(SurveyRepository surveys, ContractBook contracts, AssetService assets, HolidayService holidays,
            SurveyProcesses processes, SurveyNotices notices, Clock clock) {
        this.surveys = surveys;
        this.contracts = contracts;
        this.assets = assets;
        this.holidays = holidays;
        this.processes = processes;
        this.notices = notices;
        this.clock = clock;
    }

    /** When the results of the quarter ending on {@code quarterEnd} are due: the end of its 10th working day after. */
    public Instant due(LocalDate quarterEnd) {
        BusinessCalendar office = BusinessCalendar.of(WeeklySchedule.officeHours(), holidays.current());
        return SurveyPeriods.endOf(SurveyPeriods.quarterlyDueDay(quarterEnd, office), clock.getZone());
    }

    /**
     * Last quarter's survey of one customer once its due time has passed without one (a contract entered after the
     * quarter's window, the demo): recorded so the desk can still ask and write the answer, but no process runs it,
     * since there is no due time left to wait for. One already opened is returned as it is. Returns its id.
     */
    @Transactional
    public long recordLastQuarter(long customerId) {
        SurveyPeriods.Period quarter = SurveyPeriods.lastQuarter(LocalDate.now(clock));
        String slot = Survey.slot(SurveyKind.QUARTERLY, null, quarter.start());
        return surveys.findByKindAndCustomerIdAndSlot(SurveyKind.QUARTERLY, customerId, slot).map(Survey::getId)
                .orElseGet(() -> surveys.saveAndFlush(new Survey(SurveyKind.QUARTERLY, customerId, null, quarter.start(),
                        quarter.end(), due(quarter.end()), clock.instant())).getId());
    }

    /** Returns the ids of the surveys opened now. */
    @Transactional
    public List<Long> openForLastQuarter() {
        SurveyPeriods.Period quarter = SurveyPeriods.lastQuarter(LocalDate.now(clock));
        Instant due = due(quarter.end());
        List<Long> opened = new ArrayList<>();
        if (!clock.instant().isBefore(due)) {
            return opened;
        }
        Set<Long> active = assets.customers().stream().filter(Customer::isActive).map(Customer::getId)
                .collect(Collectors.toSet());
        for (ServiceContract contract : contracts.contracts()) {
            long customerId = contract.getCustomerId();
            if (!active.contains(customerId) || surveys.existsByKindAndCustomerIdAndSlot(SurveyKind.QUARTERLY, customerId,
                    Survey.slot(SurveyKind.QUARTERLY, null, quarter.start()))) {
                continue;
            }
            Survey survey = surveys.saveAndFlush(new Survey(SurveyKind.QUARTERLY, customerId, null, quarter.start(),
                    quarter.end(), due, clock.instant()));
            processes.startQuarterly(survey.getId(), due);
            opened.add(survey.getId());
        }
        notices.opened(SurveyKind.QUARTERLY, opened.size());
        return opened;
    }
}
