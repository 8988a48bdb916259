package com.aftercare.print;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

/**
 * Draws a {@link Sheet} as an A4 PDF with PDFBox, in the same way and with the same embedded font as the service
 * form (ADR 0018): WenQuanYi Micro Hei (fonts/wqy-microhei.ttc, Apache-2.0) subset-embedded so Chinese text renders
 * in any viewer and can be extracted, label cells shaded, long texts wrapped at any character (Chinese has no
 * spaces) but a Latin word kept whole, characters the font lacks as "?". Rows that do not fit go on to a new page;
 * every page gets "page x of y" and the printing time at its foot. The repair slip and the scrap certificate use it
 * (ADR 0028); the service form keeps its own one-page-per-visit writer, which shrinks type instead of breaking pages.
 */
@Component
public class SheetPdf {

    static final String FONT = "fonts/wqy-microhei.ttc";
    private static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final float MARGIN = 36;
    private static final float PAD = 3;
    private static final float SIZE = 9.5f;
    private static final float SIGN_HEIGHT = 64;
    /** A picture row's height: a 4:3 photo about 6.7 cm wide, six to a page, still shows what is wrong. */
    static final float PICTURE_HEIGHT = 144;
    private static final Color LABEL_FILL = new Color(0xF0, 0xF0, 0xF0);

    private final byte[] fontBytes;

    SheetPdf() {
        try (InputStream in = SheetPdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is not on the classpath");
            }
            this.fontBytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(FONT, e);
        }
    }

    /** The sheet as PDF bytes; several sheets (e.g. one per repair slip) each start on a new page. */
    public byte[] write(List<Sheet> sheets) {
        try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(fontBytes));
                PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, collection.getFontByName(FONT_NAME), true);
            doc.getDocumentInformation().setCreator("Aftercare");
            if (!sheets.isEmpty()) {
                Sheet first = sheets.get(0);
                doc.getDocumentInformation().setTitle(first.title() + " " + nz(first.headerRight()));
            }
            for (Sheet sheet : sheets) {
                new Writer(doc, font, sheet).write();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("printable sheet", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One cell of a row; label cells are shaded. */
    private record Cell(String text, float width, boolean label) {
    }

    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private final Sheet sheet;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private final float top = PDRectangle.A4.getHeight() - MARGIN;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc, PDType0Font font, Sheet sheet) {
            this.doc = doc;
            this.font = font;
            this.sheet = sheet;
        }

        void write() throws IOException {
            newPage(true);
            try {
                for (Sheet.Row row : sheet.rows()) {
                    List<Cell> cells = cells(row);
                    float h = height(row, cells);
                    if (y - h < MARGIN + 14) {
                        newPage(false);
                    }
                    draw(row, cells, h);
                }
            } finally {
                cs.close();
            }
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream foot = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND,
                        true)) {
                    String label = sheet.pageLabel().of(i + 1, pages.size());
                    text(foot, label, 8, MARGIN + (width - textWidth(label, 8)) / 2, MARGIN / 2);
                    String printed = nz(sheet.printedAt());
                    text(foot, printed, 7, MARGIN + width - textWidth(printed, 7), MARGIN / 2);
                }
            }
        }

        private void newPage(boolean first) throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages.add(page);
            cs = new PDPageContentStream(doc, page);
            cs.setLineWidth(0.6f);
            float titleSize = first ? 18 : 11;
            text(cs, sheet.title(), titleSize, MARGIN + (width - textWidth(sheet.title(), titleSize)) / 2, top - titleSize);
            text(cs, sheet.headerLeft(), 7.5f, MARGIN, top - 38);
            String right = nz(sheet.headerRight());
            text(cs, right, 9, MARGIN + width - textWidth(right, 9), top - 38);
            y = top - 44;
        }

        private List<Cell> cells(Sheet.Row row) {
            float lw = sheet.labelWidth();
            if (row instanceof Sheet.Section s) {
                return List.of(new Cell(s.title(), width, true));
            }
            if (row instanceof Sheet.Pair p) {
                float vw = width / 2 - lw;
                return List.of(new Cell(p.label1(), lw, true), new Cell(p.value1(), vw, false), new Cell(p.label2(), lw, true),
                        new Cell(p.value2(), vw, false));
            }
            if (row instanceof Sheet.Wide w) {
                return List.of(new Cell(w.label(), lw, true), new Cell(w.value(), width - lw, false));
            }
            if (row instanceof Sheet.Statement s) {
                return List.of(new Cell(s.text(), width, false));
            }
            if (row instanceof Sheet.Picture p) {
                return List.of(new Cell(p.label(), lw, true), new Cell(null, width - lw, false));
            }
            if (row instanceof Sheet.Columns c) {
                float total = 0;
                for (int i = 0; i < c.cells().size(); i++) {
                    total += i < c.weights().size() ? c.weights().get(i) : 1f;
                }
                List<Cell> out = new ArrayList<>();
                for (int i = 0; i < c.cells().size(); i++) {
                    float share = i < c.weights().size() ? c.weights().get(i) : 1f;
                    out.add(new Cell(c.cells().get(i), width * share / Math.max(total, 1e-3f), c.heading()));
                }
                return out;
            }
            Sheet.SignHere sign = (Sheet.SignHere) row;
            float each = width / Math.max(1, sign.labels().size());
            return sign.labels().stream().map(l -> new Cell(l, each, false)).toList();
        }

        private float height(Sheet.Row row, List<Cell> cells) {
            if (row instanceof Sheet.SignHere) {
                return SIGN_HEIGHT;
            }
            if (row instanceof Sheet.Picture) {
                return PICTURE_HEIGHT;
            }
            int lines = row instanceof Sheet.Wide w ? Math.max(1, w.minLines()) : 1;
            for (Cell cell : cells) {
                lines = Math.max(lines, wrap(cell.text(), cell.width() - 2 * PAD).size());
            }
            return lines * leading() + 2 * PAD;
        }

        private float leading() {
            return SIZE * 1.35f;
        }

        private void draw(Sheet.Row row, List<Cell> cells, float h) throws IOException {
            float x = MARGIN;
            for (Cell cell : cells) {
                if (cell.label()) {
                    cs.setNonStrokingColor(LABEL_FILL);
                    cs.addRect(x, y - h, cell.width(), h);
                    cs.fill();
                    cs.setNonStrokingColor(Color.BLACK);
                }
                cs.addRect(x, y - h, cell.width(), h);
                cs.stroke();
                float ty = y - PAD - SIZE;
                for (String line : wrap(cell.text(), cell.width() - 2 * PAD)) {
                    text(cs, line, SIZE, x + PAD, ty);
                    ty -= leading();
                }
                if (row instanceof Sheet.SignHere s && s.dateLabel() != null) {
                    text(cs, s.dateLabel() + "：", SIZE, x + PAD, y - h + PAD + 2);
                }
                if (row instanceof Sheet.Picture p && !cell.label()) {
                    picture(p.image(), x + PAD, y - h + PAD, cell.width() - 2 * PAD, h - 2 * PAD);
                }
                x += cell.width();
            }
            y -= h;
        }

        /** The image fitted into the box, left-aligned and centred vertically; nothing when the bytes are no image. */
        private void picture(byte[] bytes, float x, float y, float w, float h) throws IOException {
            PDImageXObject image;
            try {
                image = PDImageXObject.createFromByteArray(doc, bytes, "picture");
            } catch (IOException | IllegalArgumentException e) {
                return;
            }
            float scale = Math.min(w / image.getWidth(), h / image.getHeight());
            float iw = image.getWidth() * scale;
            float ih = image.getHeight() * scale;
            cs.drawImage(image, x, y + (h - ih) / 2, iw, ih);
        }

        private void text(PDPageContentStream stream, String s, float size, float x, float ty) throws IOException {
            if (s == null || s.isEmpty()) {
                return;
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, ty);
            stream.showText(clean(s).replace('\n', ' '));
            stream.endText();
        }

        private float textWidth(String s, float size) {
            try {
                return font.getStringWidth(clean(s).replace('\n', ' ')) / 1000 * size;
            } catch (IOException | IllegalArgumentException e) {
                return s.length() * size;
            }
        }

        /** The text as lines no wider than {@code max}: breaks at line ends, then at any character, Latin words whole. */
        private List<String> wrap(String text, float max) {
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
                    float w = textWidth(ch, SIZE);
                    if (lineWidth + w > max && line.length() > 0) {
                        if (cp != ' ' && lastSpace > 0 && Character.isLetterOrDigit(cp)) {
                            String rest = line.substring(lastSpace + 1);
                            lines.add(line.substring(0, lastSpace));
                            line = new StringBuilder(rest);
                            lineWidth = textWidth(rest, SIZE);
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
