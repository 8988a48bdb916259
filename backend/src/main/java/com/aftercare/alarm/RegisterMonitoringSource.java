package com.aftercare.alarm;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.asset.Site;
import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;

/**
 * An admin registers a customer's monitoring system and gets its API key, once: only the key's hash is kept, so a
 * lost key is replaced by registering again and revoking the old one.
 */
@Service
@Validated
public class RegisterMonitoringSource {

    public record NewSource(@NotBlank @Size(max = 100) String name, @NotNull SourceKind kind, @NotNull Long customerId,
            Long triageSiteId) {
    }

    public record Registered(MonitoringSource source, String key) {
    }

    private final MonitoringSourceRepository sources;
    private final AssetService assets;
    private final Clock clock;

    RegisterMonitoringSource(MonitoringSourceRepository sources, AssetService assets, Clock clock) {
        this.sources = sources;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional
    public Registered register(@Valid NewSource request) {
        Customer customer = assets.customers().stream().filter(c -> c.getId().equals(request.customerId())).findFirst()
                .orElseThrow(() -> new BadRequestException("customerId", "unknown customer " + request.customerId()));
        if (request.triageSiteId() != null) {
            Site site = assets.requireSite(request.triageSiteId(), "triageSiteId");
            if (!site.getCustomer().getId().equals(customer.getId())) {
                throw new BadRequestException("triageSiteId", "site " + site.getId() + " is not the customer's");
            }
        }
        String key = AlarmKeys.newKey();
        MonitoringSource source = sources.save(new MonitoringSource(customer.getId(), request.triageSiteId(),
                request.name().strip(), request.kind(), AlarmKeys.hash(key), AlarmKeys.displayPrefix(key), clock.instant(),
                CurrentUser.username()));
        return new Registered(source, key);
    }
}
