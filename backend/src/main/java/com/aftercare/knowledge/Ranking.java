package com.aftercare.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.aftercare.asset.DeviceType;

/**
 * Ranks articles for a typed text (docs/adr/0035). Chinese has no spaces, so text is cut into overlapping
 * character pairs (黑屏无图像 → 黑屏 屏无 无图 图像, what Lucene's CJK analyzer does); Latin letters and digits
 * count as whole lower-case words (PoE, NVR, 192). A pair found in the title, symptom or tags weighs 2, in the
 * cause or solution 1; the score is the weighted share of the query's pairs found, so a long description is not
 * favoured over a short one. An article for the typed device type gets a bonus; usefulness breaks ties. Pure.
 */
final class Ranking {

    /** Below this share of matched pairs an article is noise, not a suggestion. */
    static final double THRESHOLD = 0.15;

    private Ranking() {
    }

    record Scored(Article article, double score) {
    }

    static double score(Set<String> query, Article a, DeviceType deviceType) {
        if (query.isEmpty()) {
            return 0;
        }
        Set<String> strong = grams(a.getTitle() + " " + a.getSymptom() + " " + String.join(" ", a.getTags()));
        Set<String> weak = grams((a.getCause() == null ? "" : a.getCause()) + " " + a.getSolution());
        double hit = 0;
        for (String g : query) {
            hit += strong.contains(g) ? 2 : weak.contains(g) ? 1 : 0;
        }
        double share = hit / (2.0 * query.size());
        if (share < THRESHOLD) {
            return 0;
        }
        boolean typeMatches = deviceType != null && a.getDeviceTypes().contains(deviceType);
        return share + (typeMatches ? 0.25 : 0);
    }

    /** Character pairs of CJK runs (a lone character stays whole) and lower-cased words of letters and digits. */
    static Set<String> grams(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        StringBuilder cjk = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                flushWord(word, out);
                cjk.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flushCjk(cjk, out);
                word.appendCodePoint(cp);
            } else {
                flushWord(word, out);
                flushCjk(cjk, out);
            }
        }
        flushWord(word, out);
        flushCjk(cjk, out);
        return out;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }

    private static void flushWord(StringBuilder word, Set<String> out) {
        if (!word.isEmpty()) {
            out.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    private static void flushCjk(StringBuilder run, Set<String> out) {
        if (run.isEmpty()) {
            return;
        }
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            out.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        run.setLength(0);
    }

    /** The best matches first, at most {@code limit}; usefulness breaks ties. */
    static List<Scored> rank(String text, DeviceType deviceType, List<Article> candidates,
            java.util.Map<Long, Long> usefulness, int limit) {
        Set<String> query = grams(text);
        List<Scored> scored = new ArrayList<>();
        for (Article a : candidates) {
            double s = score(query, a, deviceType);
            if (s > 0) {
                scored.add(new Scored(a, s));
            }
        }
        scored.sort((x, y) -> {
            int c = Double.compare(y.score(), x.score());
            if (c != 0) {
                return c;
            }
            c = Long.compare(usefulness.getOrDefault(y.article().getId(), 0L), usefulness.getOrDefault(x.article().getId(), 0L));
            return c != 0 ? c : Long.compare(x.article().getId(), y.article().getId());
        });
        return scored.size() > limit ? scored.subList(0, limit) : scored;
    }
}
