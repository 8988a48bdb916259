package com.aftercare.apitoken;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NativeQueryTimes;
import com.aftercare.identity.Role;

/** The API tokens for the administration, newest first, with their last use; never the token or its hash. */
@Service
public class ListApiTokens {

    public record TokenView(Long id, String name, String tokenPrefix, Role role, Long customerId, String createdBy,
            Instant createdAt, String revokedBy, Instant revokedAt, Instant lastUsedAt, boolean active) {
    }

    private final ApiTokenRepository tokens;

    ListApiTokens(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Transactional(readOnly = true)
    public List<TokenView> all() {
        Map<Long, Instant> lastUses = new HashMap<>();
        for (Object[] row : tokens.lastUses()) {
            lastUses.put(((Number) row[0]).longValue(), NativeQueryTimes.instant(row[1]));
        }
        return tokens.findAllByOrderByCreatedAtDescIdDesc().stream().map(t -> view(t, lastUses.get(t.getId()))).toList();
    }

    @Transactional(readOnly = true)
    public TokenView one(ApiToken token) {
        return view(token, all().stream().filter(v -> v.id().equals(token.getId())).findFirst().map(TokenView::lastUsedAt).orElse(null));
    }

    private static TokenView view(ApiToken t, Instant lastUsedAt) {
        return new TokenView(t.getId(), t.getName(), t.getTokenPrefix(), t.getRole(), t.getCustomerId(), t.getCreatedBy(),
                t.getCreatedAt(), t.getRevokedBy(), t.getRevokedAt(), lastUsedAt, t.isActive());
    }

}
