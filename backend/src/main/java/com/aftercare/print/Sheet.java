package com.aftercare.print;

import java.util.List;

/**
 * A printable A4 sheet as {@link SheetPdf} draws it: a centred title, a line under it (left: e.g. the time zone;
 * right: the document's number), then rows of a bordered table, and at every page's foot "page x of y" and when it
 * was printed. All texts come already worded in the reader's language; an empty value prints as a blank to fill in
 * by hand, as on the paper forms.
 *
 * @param labelWidth width of a label cell in points (Chinese labels are shorter than English ones)
 * @param pageLabel  "第 {page} / {pages} 页" in the reader's language, with the numbers filled in
 */
public record Sheet(String title, String headerLeft, String headerRight, float labelWidth, List<Row> rows, String printedAt,
        PageLabel pageLabel) {

    @FunctionalInterface
    public interface PageLabel {
        String of(int page, int pages);
    }

    /** One row of the sheet's table. */
    public sealed interface Row permits Section, Pair, Wide, Statement, SignHere, Columns, Picture {
    }

    /** A shaded full-width heading row. */
    public record Section(String title) implements Row {
    }

    /** label | value | label | value. */
    public record Pair(String label1, String value1, String label2, String value2) implements Row {
    }

    /** label | value over the rest of the width, at least minLines high (room to write by hand when empty). */
    public record Wide(String label, String value, int minLines) implements Row {
    }

    /** A paragraph over the whole width, no label (a certificate's statement). */
    public record Statement(String text) implements Row {
    }

    /**
     * One row of a table over the whole width (a scheduled report's list of cases): the cells side by side, each as
     * wide as its share of {@code weights} (equal shares when weights is empty); a heading row is shaded.
     */
    public record Columns(List<String> cells, List<Float> weights, boolean heading) implements Row {
        public Columns {
            cells = List.copyOf(cells);
            weights = weights == null ? List.of() : List.copyOf(weights);
        }
    }

    /**
     * label | an image (JPEG or PNG bytes) fitted into a box of the rest of the width and a fixed height, its sides kept
     * in proportion; bytes that are no readable image leave the box empty. An inspection line's photo (ADR 0082).
     */
    public record Picture(String label, byte[] image) implements Row {
    }

    /** Boxes side by side for a handwritten signature (or seal) and its date: each label on top, room below. */
    public record SignHere(List<String> labels, String dateLabel) implements Row {
    }
}
