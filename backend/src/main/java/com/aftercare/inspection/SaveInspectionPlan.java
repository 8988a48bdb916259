package com.aftercare.inspection;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.Site;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/**
 * Creates or edits a contract's inspection plan (PM-1, PM-2): its cycle, scope (the customer's sites, or one) and
 * checklist template. An edit names the version it was read at, so two editors at once give one change and a 409.
 * The next window's inspection takes the new template; an inspection already open keeps its checklist.
 */
@Service
@Validated
public class SaveInspectionPlan {

    public record ItemCommand(@NotNull DeviceType deviceType, @NotBlank @Size(max = 200) String item,
            @Size(max = 500) String method, boolean automated) {
    }

    public record PlanCommand(@NotNull Long customerId, Long siteId, @NotBlank @Size(max = 200) String name,
            @NotNull InspectionCycle cycle, Boolean active, @NotEmpty @Size(max = 100) List<@Valid @NotNull ItemCommand> items,
            Long version) {
    }

    private final InspectionPlanRepository plans;
    private final AssetService assets;
    private final Clock clock;

    SaveInspectionPlan(InspectionPlanRepository plans, AssetService assets, Clock clock) {
        this.plans = plans;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional
    public InspectionPlan create(@Valid PlanCommand command) {
        checkScope(command);
        InspectionPlan plan = new InspectionPlan(command.customerId(), CurrentUser.username(), clock.instant());
        describe(plan, command);
        return plans.saveAndFlush(plan);
    }

    @Transactional
    public InspectionPlan edit(long id, @Valid PlanCommand command) {
        InspectionPlan plan = plans.findById(id).orElseThrow(() -> new NotFoundException("No inspection plan " + id));
        if (!plan.getCustomerId().equals(command.customerId())) {
            throw new BadRequestException("customerId", "a plan stays with its customer; make a new plan for another");
        }
        if (command.version() != null && command.version() != plan.getVersion()) {
            throw new ConflictException("Inspection plan " + id + " was changed by someone else; reload it");
        }
        checkScope(command);
        describe(plan, command);
        return plans.saveAndFlush(plan);
    }

    private void checkScope(PlanCommand command) {
        if (assets.customers().stream().noneMatch(c -> c.getId().equals(command.customerId()))) {
            throw new BadRequestException("customerId", "unknown customer " + command.customerId());
        }
        if (command.siteId() != null) {
            Site site = assets.requireSite(command.siteId(), "siteId");
            if (!site.getCustomer().getId().equals(command.customerId())) {
                throw new BadRequestException("siteId", "site " + command.siteId() + " is not the customer's");
            }
        }
    }

    private static void describe(InspectionPlan plan, PlanCommand command) {
        List<PlanItem> items = command.items().stream()
                .map(i -> new PlanItem(i.deviceType(), i.item().trim(), blankToNull(i.method()), i.automated())).toList();
        plan.describe(command.siteId(), command.name().trim(), command.cycle(), command.active() == null || command.active(), items);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
