package com.aftercare.alarm;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;

/** The admin's list of monitoring sources, newest first, with what each has sent (never the key). */
@Service
public class ListMonitoringSources {

    public record SourceView(Long id, String name, SourceKind kind, Long customerId, String customerName, Long triageSiteId,
            String keyPrefix, Instant createdAt, String createdBy, Instant revokedAt, long events, long cases,
            Instant lastEventAt, /** last refused for sending more than requestsPerMinute (429); null: never */ Instant lastRefusedAt,
            int requestsPerMinute) {
    }

    private final MonitoringSourceRepository sources;
    private final AssetService assets;
    private final AlarmSettings settings;

    ListMonitoringSources(MonitoringSourceRepository sources, AssetService assets, AlarmSettings settings) {
        this.settings = settings;
        this.sources = sources;
        this.assets = assets;
    }

    @Transactional(readOnly = true)
    public List<SourceView> list() {
        Map<Long, Object[]> activity = new HashMap<>();
        for (Object[] row : sources.activity()) {
            activity.put((Long) row[0], row);
        }
        Map<Long, String> customers = new HashMap<>();
        for (Customer c : assets.customers()) {
            customers.put(c.getId(), c.getName());
        }
        return sources.findAllByOrderByIdDesc().stream()
                .map(s -> view(s, activity.get(s.getId()), customers, settings.requestsPerMinute())).toList();
    }

    /** A source just registered, before anything was sent: nothing received, never refused. */
    SourceView fresh(MonitoringSource s) {
        return view(s, null, Map.of(), settings.requestsPerMinute());
    }

    static SourceView view(MonitoringSource s, Object[] activity, Map<Long, String> customers, int requestsPerMinute) {
        long events = activity == null ? 0 : ((Number) activity[1]).longValue();
        long cases = activity == null ? 0 : ((Number) activity[2]).longValue();
        Instant last = activity == null ? null : (Instant) activity[3];
        return new SourceView(s.getId(), s.getName(), s.getKind(), s.getCustomerId(), customers.get(s.getCustomerId()),
                s.getTriageSiteId(), s.getKeyPrefix(), s.getCreatedAt(), s.getCreatedBy(), s.getRevokedAt(), events, cases, last,
                s.getLastRefusedAt(), requestsPerMinute);
    }
}
