package com.aftercare.sla;

import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.asset.AssetService;
import com.aftercare.calendar.WorkingWindow;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.common.NotFoundException;
import com.aftercare.outbound.WebhookSettingsValidator;

/**
 * An administrator or process owner creates or changes a customer's service contract. It applies to
 * tickets opened afterwards; open tickets keep the terms they were opened under until
 * POST /api/contracts/{customerId}/apply-to-open.
 */
@Service
@Validated
public class SaveContract {

    private final ServiceContractRepository contracts;
    private final AssetService assets;
    private final WebhookSettingsValidator webhooks;
    private final PolicyCatalog policies;

    SaveContract(ServiceContractRepository contracts, AssetService assets, WebhookSettingsValidator webhooks,
            PolicyCatalog policies) {
        this.contracts = contracts;
        this.assets = assets;
        this.webhooks = webhooks;
        this.policies = policies;
    }

    @Transactional
    public ServiceContract save(Long customerId,
            @NotNull(message = "contract settings are required") @Valid ContractSettings settings) {
        // the office hours are read into windows here; the reader names the window and end that is wrong
        List<WorkingWindow> hours = WorkingHours.read(settings.workingHours());
        if (assets.customers().stream().noneMatch(c -> c.getId().equals(customerId))) {
            throw new NotFoundException("No customer " + customerId);
        }
        ServiceContract stored = contracts.findByCustomerId(customerId).orElse(null);
        checkChannels(settings, stored);
        checkPlanLevels(settings);
        ServiceContract contract = stored != null ? stored : new ServiceContract(customerId);
        contract.update(settings, hours);
        return contracts.save(contract);
    }

    /**
     * The channels as they will be stored (null keeps a stored value) go through the one webhook check. A stored
     * webhook is checked again only when the allow-list changes: a narrower list could leave it unreachable, and
     * then the list is what the admin must look at. Unchanged stored values are not re-judged, so a contract can
     * always be renamed.
     */
    private void checkChannels(ContractSettings sent, ServiceContract stored) {
        String storedAllowList = stored == null ? null : stored.getWebhookAllowList();
        String allowList = ServiceContract.keepOrReplace(sent.webhookAllowList(), storedAllowList);
        boolean allowListChanged = !Objects.equals(allowList, storedAllowList);
        String storedWecom = stored == null ? null : stored.getWecomWebhookUrl();
        String storedDingtalk = stored == null ? null : stored.getDingtalkWebhookUrl();
        List<FieldError> problems = webhooks.problems(new WebhookSettingsValidator.WebhookSettings(
                sent.wecomWebhookUrl() != null ? sent.wecomWebhookUrl() : allowListChanged ? storedWecom : null,
                sent.dingtalkWebhookUrl() != null ? sent.dingtalkWebhookUrl() : allowListChanged ? storedDingtalk : null,
                sent.dingtalkSecret(), allowList));
        List<FieldError> named = problems.stream().map(p -> keptWebhook(p, sent)
                ? new FieldError("webhookAllowList", "would leave the stored " + p.field() + " unusable: " + p.message())
                : p).toList();
        if (!named.isEmpty()) {
            throw new BadRequestException(named);
        }
    }

    /** The levels that owe a recovery plan (FW-4) must be levels of the contract's policy. */
    private void checkPlanLevels(ContractSettings settings) {
        if (settings.planLevels() == null || settings.planLevels().isEmpty() || settings.policyCode() == null
                || !policies.hasCurrent(settings.policyCode())) {
            return;
        }
        java.util.Set<String> levels = new java.util.TreeSet<>();
        policies.currentPolicy(settings.policyCode()).definition().levels().forEach(l -> levels.add(l.code()));
        for (String level : settings.planLevels()) {
            if (level == null || !levels.contains(level.strip())) {
                throw new BadRequestException("planLevels", "levels of policy " + settings.policyCode() + ": " + levels);
            }
        }
    }

    /** Whether a problem is about a webhook the admin did not send (the stored one, kept). */
    private static boolean keptWebhook(FieldError problem, ContractSettings sent) {
        return "wecomWebhookUrl".equals(problem.field()) && sent.wecomWebhookUrl() == null
                || "dingtalkWebhookUrl".equals(problem.field()) && sent.dingtalkWebhookUrl() == null;
    }
}
