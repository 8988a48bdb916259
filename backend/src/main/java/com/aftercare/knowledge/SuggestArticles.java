package com.aftercare.knowledge;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.DeviceType;
import com.aftercare.common.BadRequestException;

/**
 * IN-4: while the desk types a fault, the published articles that best match the symptom and device type, best
 * first (at most five). Retired, draft and in-review articles are never suggested.
 */
@Service
public class SuggestArticles {

    static final int LIMIT = 5;

    private final ArticleRepository articles;
    private final ReadArticles read;

    SuggestArticles(ArticleRepository articles, ReadArticles read) {
        this.articles = articles;
        this.read = read;
    }

    public record Suggestion(long id, String title, String symptom, String cause, String solution,
            List<DeviceType> deviceTypes, long usefulness, int score) {
    }

    @Transactional(readOnly = true)
    public List<Suggestion> suggest(String text, String deviceType) {
        Writers.current().require(Writers.STAFF, "read knowledge articles");
        DeviceType type = null;
        if (deviceType != null && !deviceType.isBlank()) {
            type = ArticleText.deviceType(deviceType);
            if (type == null) {
                throw new BadRequestException("deviceType", "unknown device type");
            }
        }
        if (text != null && text.length() > 4000) {
            throw new BadRequestException("text", "at most 4000 characters");
        }
        if (text == null || text.isBlank()) {
            return List.of();
        }
        var useful = read.usefulness();
        return Ranking.rank(text, type, articles.findByStatusOrderByUpdatedAtDesc(ArticleStatus.PUBLISHED), useful, LIMIT)
                .stream().map(s -> {
                    Article a = s.article();
                    return new Suggestion(a.getId(), a.getTitle(), a.getSymptom(), a.getCause(), a.getSolution(),
                            a.getDeviceTypes(), useful.getOrDefault(a.getId(), 0L), (int) Math.round(s.score() * 100));
                }).toList();
    }
}
