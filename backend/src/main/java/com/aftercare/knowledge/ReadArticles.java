package com.aftercare.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.DeviceType;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/**
 * Lists, searches and shows articles. Staff see every article in every state; a customer's user sees published
 * articles about the device types their unit has (RP-4 "users can search it"), nothing of who wrote them, and a
 * 404 for any other article, as for an article that does not exist.
 */
@Service
public class ReadArticles {

    private final ArticleRepository articles;
    private final ArticleUseRepository uses;
    private final CustomerSystems systems;

    ReadArticles(ArticleRepository articles, ArticleUseRepository uses, CustomerSystems systems) {
        this.articles = articles;
        this.uses = uses;
        this.systems = systems;
    }

    @Transactional(readOnly = true)
    public List<ArticleView> list(String q, String status, String deviceType) {
        DeviceType type = deviceType == null || deviceType.isBlank() ? null : ArticleText.deviceType(deviceType);
        if (deviceType != null && !deviceType.isBlank() && type == null) {
            throw new BadRequestException("deviceType", "unknown device type");
        }
        if (CurrentUser.isCustomer()) {
            Set<DeviceType> own = systems.deviceTypes(CurrentUser.customerId());
            List<Article> visible = articles.findByStatusOrderByUpdatedAtDesc(ArticleStatus.PUBLISHED).stream()
                    .filter(a -> a.getDeviceTypes().stream().anyMatch(own::contains))
                    .filter(a -> type == null || a.getDeviceTypes().contains(type)).toList();
            return ordered(q, type, visible).stream().map(ArticleView::forCustomer).toList();
        }
        Writers.current().require(Writers.STAFF, "read knowledge articles");
        ArticleStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ArticleStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("status", "unknown article status");
            }
        }
        List<Article> all = wanted == null ? articles.findAllByOrderByUpdatedAtDesc()
                : articles.findByStatusOrderByUpdatedAtDesc(wanted);
        List<Article> filtered = all.stream().filter(a -> type == null || a.getDeviceTypes().contains(type)).toList();
        Map<Long, Long> useful = usefulness();
        return ordered(q, type, filtered).stream().map(a -> ArticleView.of(a, useful.getOrDefault(a.getId(), 0L))).toList();
    }

    @Transactional(readOnly = true)
    public ArticleView get(long id) {
        Article a = articles.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
        if (CurrentUser.isCustomer()) {
            Set<DeviceType> own = systems.deviceTypes(CurrentUser.customerId());
            if (a.getStatus() != ArticleStatus.PUBLISHED || a.getDeviceTypes().stream().noneMatch(own::contains)) {
                throw new NotFoundException("No article " + id);
            }
            return ArticleView.forCustomer(a);
        }
        if (!Writers.current().may(Writers.STAFF)) {
            throw new ForbiddenException("Your role may not read knowledge articles");
        }
        return view(a);
    }

    ArticleView view(Article a) {
        return ArticleView.of(a, a.getId() == null ? 0 : uses.countByArticleId(a.getId()));
    }

    Map<Long, Long> usefulness() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : uses.countAll()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    private List<Article> ordered(String q, DeviceType type, List<Article> list) {
        if (q == null || q.isBlank()) {
            return list;
        }
        if (q.length() > 500) {
            throw new BadRequestException("q", "at most 500 characters");
        }
        return Ranking.rank(q, type, list, usefulness(), 50).stream().map(Ranking.Scored::article).toList();
    }
}
