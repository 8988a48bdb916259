package com.aftercare.serviceform;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

import com.aftercare.labels.Labels;

/**
 * Writes a {@link ServiceForm} as an A4 PDF: one page per visit, the case and device on every page, the findings
 * as a table whose long (Chinese) texts wrap, empty fields as blank rows to fill by hand, the customer's signature
 * drawn, the photo thumbnails in a row on the last page and "page x/y" at the foot. Text is set in WenQuanYi Micro
 * Hei (fonts/wqy-microhei.ttc, Apache-2.0), embedded as a subset of the glyphs used (docs/adr/0018).
 *
 * <p>One visit fits one page: when its texts are long the type gets smaller (down to 6.5 pt), and only beyond
 * that is a text cut with "…".
 */
@Component
class ServiceFormPdf {

    static final String FONT = "fonts/wqy-microhei.ttc";
    private static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final float MARGIN = 36;
    private static final float PAD = 3;
    private static final Color LABEL_FILL = new Color(0xF0, 0xF0, 0xF0);
    private static final float[] SIZES = { 9.5f, 9f, 8.5f, 8f, 7.5f, 7f, 6.5f };

    private final Labels labels;
    private final byte[] fontBytes;

    ServiceFormPdf(Labels labels) {
        this.labels = labels;
        try (InputStream in = ServiceFormPdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is not on the classpath");
            }
            this.fontBytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(FONT, e);
        }
    }

    byte[] write(ServiceForm form) {
        Locale lang = Labels.language(form.language());
        try (TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(fontBytes));
                PDDocument doc = new PDDocument()) {
            TrueTypeFont ttf = collection.getFontByName(FONT_NAME);
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(form.title() + " " + nz(form.caseInfo().number()));
            info.setCreator("Aftercare");
            List<ServiceForm.ServiceFormVisit> visits = form.visits();
            for (int i = 0; i < visits.size(); i++) {
                boolean last = i == visits.size() - 1;
                new PageWriter(doc, font, lang, form, visits.get(i), last ? form.photos() : List.of(), i + 1,
                        visits.size()).write();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("service form PDF of ticket " + form.ticketId(), e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One cell of a row: a label (shaded) or a value; width in points. */
    private record Cell(String text, float width, boolean label) {
    }

    /** A row of cells, or a row with a fixed height for pictures (signature, photos). */
    private record Row(List<Cell> cells, int minLines, boolean findings, float fixedHeight, Object pictures) {
        static Row of(int minLines, Cell... cells) {
            return new Row(List.of(cells), minLines, false, 0, null);
        }
    }

    private final class PageWriter {
        private final PDDocument doc;
        private final PDType0Font font;
        private final Locale lang;
        private final ServiceForm form;
        private final ServiceForm.ServiceFormVisit visit;
        private final List<ServiceForm.ServiceFormPicture> photos;
        private final int pageNo;
        private final int pages;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        /** English labels are longer than Chinese ones. */
        private final float lw;

        PageWriter(PDDocument doc, PDType0Font font, Locale lang, ServiceForm form, ServiceForm.ServiceFormVisit visit,
                List<ServiceForm.ServiceFormPicture> photos, int pageNo, int pages) {
            this.doc = doc;
            this.font = font;
            this.lang = lang;
            this.form = form;
            this.visit = visit;
            this.photos = photos;
            this.pageNo = pageNo;
            this.pages = pages;
            this.lw = Labels.EN.equals(lang) ? 108 : 78;
        }

        private String l(String key) {
            return labels.text(lang, "serviceForm." + key);
        }

        private String l(String key, Map<String, ?> args) {
            return labels.text(lang, "serviceForm." + key, args);
        }

        /** label | value | label | value, on a quarter-width grid. */
        private Row pair(String k1, String v1, String k2, String v2) {
            float vw = width / 2 - lw;
            return Row.of(1, new Cell(l(k1), lw, true), new Cell(v1, vw, false), new Cell(l(k2), lw, true),
                    new Cell(v2, vw, false));
        }

        private Row wide(String k, String v, int minLines) {
            return Row.of(minLines, new Cell(l(k), lw, true), new Cell(v, width - lw, false));
        }

        private Row finding(String k, String v) {
            return new Row(List.of(new Cell(l(k), lw, true), new Cell(v, width - lw, false)), 2, true, 0, null);
        }

        private Row section(String title) {
            return Row.of(1, new Cell(title, width, true));
        }

        void write() throws IOException {
            ServiceForm.ServiceFormCase c = form.caseInfo();
            ServiceForm.ServiceFormDevice d = form.device();
            ServiceForm.ServiceFormVisit v = visit;
            List<Row> rows = new ArrayList<>();
            rows.add(section(l("caseSection")));
            rows.add(pair("number", c.number(), "reportedAt", c.reportedAt()));
            rows.add(wide("caseTitle", c.title(), 1));
            rows.add(pair("customerUnit", c.customerUnit(), "level", c.level()));
            rows.add(pair("site", c.site(), "siteContact", c.siteContact()));
            rows.add(wide("address", c.address(), 1));
            rows.add(pair("reporter", c.reporter(), "reporterPhone", c.reporterPhone()));
            rows.add(section(l("deviceSection")));
            rows.add(pair("deviceName", d.name(), "deviceModel", d.model()));
            rows.add(pair("deviceSerial", d.serial(), "deviceLocation", d.location()));
            rows.add(section(l("visitSection", Map.of("n", v.visitNo()))));
            rows.add(pair("engineer", v.engineer(), "checkedInAt", v.checkedInAt()));
            rows.add(pair("checkInPlace", v.checkInPlace(), "restoredAt", v.restoredAt()));
            rows.add(finding("symptom", v.symptom()));
            rows.add(finding("diagnosis", v.diagnosis()));
            rows.add(finding("cause", v.cause()));
            rows.add(finding("recoveryPlan", v.recoveryPlan()));
            rows.add(wide("planReview", v.planReview(), 1));
            rows.add(finding("workDone", v.workDone()));
            rows.add(finding("parts", v.parts()));
            rows.add(finding("prevention", v.prevention()));
            rows.add(section(l("confirmSection")));
            rows.add(pair("testerName", v.testerName(), "confirmedAt",
                    v.confirmedAt() == null ? v.confirmation() : v.confirmedAt() + (v.confirmation() == null ? "" : " " + v.confirmation())));
            rows.add(new Row(List.of(new Cell(l("signature"), lw, true), new Cell(null, width - lw, false)), 0, false, 62,
                    v.signature()));
            rows.add(pair("audit", v.audit(), "auditedAt", v.auditedAt()));
            if (v.auditReason() != null || v.auditedBy() != null) {
                rows.add(pair("auditReason", v.auditReason(), "auditedBy", v.auditedBy()));
            }
            if (!photos.isEmpty()) {
                rows.add(section(l("photosSection")));
                rows.add(new Row(List.of(new Cell(null, width, false)), 0, false, 72, photos));
            }

            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float top = PDRectangle.A4.getHeight() - MARGIN;
            float headerHeight = 44;
            float available = top - headerHeight - MARGIN - 6;
            float size = SIZES[SIZES.length - 1];
            int maxLines = Integer.MAX_VALUE;
            boolean fits = false;
            for (float candidate : SIZES) {
                if (height(rows, candidate, Integer.MAX_VALUE) <= available) {
                    size = candidate;
                    fits = true;
                    break;
                }
            }
            if (!fits) {
                maxLines = 12;
                while (maxLines > 2 && height(rows, size, maxLines) > available) {
                    maxLines--;
                }
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setLineWidth(0.6f);
                text(cs, form.title(), 18, MARGIN + (width - textWidth(form.title(), 18)) / 2, top - 18);
                text(cs, form.zone(), 7.5f, MARGIN, top - 38);
                String number = l("number") + " " + nz(c.number());
                text(cs, number, 9, MARGIN + width - textWidth(number, 9), top - 38);
                float y = top - headerHeight;
                for (Row row : rows) {
                    y = draw(cs, row, y, size, maxLines);
                }
                String footer = l("page", Map.of("page", pageNo, "pages", pages));
                text(cs, footer, 8, MARGIN + (width - textWidth(footer, 8)) / 2, MARGIN / 2);
                String printed = l("printedAt", Map.of("at", nz(form.printedAt())));
                text(cs, printed, 7, MARGIN + width - textWidth(printed, 7), MARGIN / 2);
            }
        }

        private float height(List<Row> rows, float size, int maxLines) {
            float total = 0;
            for (Row row : rows) {
                total += rowHeight(row, size, maxLines);
            }
            return total;
        }

        private float rowHeight(Row row, float size, int maxLines) {
            if (row.fixedHeight() > 0) {
                return row.fixedHeight();
            }
            int lines = Math.max(1, row.minLines());
            for (Cell cell : row.cells()) {
                int n = wrap(cell.text(), cell.width() - 2 * PAD, size).size();
                lines = Math.max(lines, row.findings() ? Math.min(n, maxLines) : n);
            }
            return lines * leading(size) + 2 * PAD;
        }

        private float leading(float size) {
            return size * 1.35f;
        }

        private float draw(PDPageContentStream cs, Row row, float y, float size, int maxLines) throws IOException {
            float h = rowHeight(row, size, maxLines);
            float x = MARGIN;
            for (Cell cell : row.cells()) {
                if (cell.label()) {
                    cs.setNonStrokingColor(LABEL_FILL);
                    cs.addRect(x, y - h, cell.width(), h);
                    cs.fill();
                    cs.setNonStrokingColor(Color.BLACK);
                }
                cs.addRect(x, y - h, cell.width(), h);
                cs.stroke();
                List<String> lines = wrap(cell.text(), cell.width() - 2 * PAD, size);
                if (row.findings() && lines.size() > maxLines) {
                    lines = new ArrayList<>(lines.subList(0, maxLines));
                    lines.set(maxLines - 1, cut(lines.get(maxLines - 1), cell.width() - 2 * PAD, size));
                }
                float ty = y - PAD - size;
                for (String line : lines) {
                    text(cs, line, size, x + PAD, ty);
                    ty -= leading(size);
                }
                x += cell.width();
            }
            if (row.pictures() instanceof ServiceForm.ServiceFormPicture signature) {
                image(cs, signature, MARGIN + lw + PAD, y - h + PAD, 200, h - 2 * PAD);
            } else if (row.pictures() instanceof List<?> list) {
                float px = MARGIN + PAD, w = 86, gap = 6;
                for (Object o : list) {
                    if (px + w > MARGIN + width) {
                        break;
                    }
                    image(cs, (ServiceForm.ServiceFormPicture) o, px, y - h + PAD, w, h - 2 * PAD);
                    px += w + gap;
                }
            }
            return y - h;
        }

        /** Draws an image scaled to fit the box, keeping its proportions; a file that is no image is left out. */
        private void image(PDPageContentStream cs, ServiceForm.ServiceFormPicture picture, float x, float y, float w, float h)
                throws IOException {
            if (picture == null || picture.bytes() == null || picture.bytes().length == 0) {
                return;
            }
            PDImageXObject image;
            try {
                image = PDImageXObject.createFromByteArray(doc, picture.bytes(), picture.fileName());
            } catch (IOException | IllegalArgumentException e) {
                return;
            }
            float scale = Math.min(w / image.getWidth(), h / image.getHeight());
            cs.drawImage(image, x, y + (h - image.getHeight() * scale) / 2, image.getWidth() * scale,
                    image.getHeight() * scale);
        }

        private void text(PDPageContentStream cs, String s, float size, float x, float y) throws IOException {
            if (s == null || s.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(s);
            cs.endText();
        }

        private float textWidth(String s, float size) {
            try {
                return font.getStringWidth(s) / 1000 * size;
            } catch (IOException | IllegalArgumentException e) {
                return s.length() * size;
            }
        }

        /** The text as lines no wider than {@code max}: breaks at line ends, then at any character (Chinese has no spaces). */
        private List<String> wrap(String text, float max, float size) {
            List<String> lines = new ArrayList<>();
            if (text == null || text.isBlank()) {
                return lines;
            }
            for (String paragraph : clean(text).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                float lineWidth = 0;
                int lastSpace = -1;
                for (int i = 0; i < paragraph.length();) {
                    int cp = paragraph.codePointAt(i);
                    String ch = new String(Character.toChars(cp));
                    float w = textWidth(ch, size);
                    if (lineWidth + w > max && line.length() > 0) {
                        if (cp != ' ' && lastSpace > 0 && Character.isLetterOrDigit(cp)) {
                            // a Latin word is not split in the middle when a space came before it
                            String rest = line.substring(lastSpace + 1);
                            lines.add(line.substring(0, lastSpace));
                            line = new StringBuilder(rest);
                            lineWidth = textWidth(rest, size);
                        } else {
                            lines.add(line.toString());
                            line = new StringBuilder();
                            lineWidth = 0;
                        }
                        lastSpace = -1;
                        if (cp == ' ') {
                            i += Character.charCount(cp);
                            continue;
                        }
                    }
                    if (cp == ' ') {
                        lastSpace = line.length();
                    }
                    line.append(ch);
                    lineWidth += w;
                    i += Character.charCount(cp);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private String cut(String line, float max, float size) {
            String s = line;
            while (!s.isEmpty() && textWidth(s + "…", size) > max) {
                s = s.substring(0, s.length() - 1);
            }
            return s + "…";
        }

        /** Tabs as spaces, other control characters and characters the font has no glyph for as "?". */
        private String clean(String text) {
            StringBuilder out = new StringBuilder();
            text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').codePoints().forEach(cp -> {
                if (cp == '\n') {
                    out.append('\n');
                } else if (Character.isISOControl(cp) || !printable.computeIfAbsent(cp, this::hasGlyph)) {
                    out.append('?');
                } else {
                    out.appendCodePoint(cp);
                }
            });
            return out.toString();
        }

        private boolean hasGlyph(int cp) {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
