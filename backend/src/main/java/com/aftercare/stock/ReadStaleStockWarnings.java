package com.aftercare.stock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The month-end stale stock warnings as the keepers and purchasing supervisors read them (FW-6): the list with each
 * warning's batches, and one warning as an Excel sheet to hand to the project's finance. Written in Chinese, as the
 * contract's paper warning is.
 */
@Service
public class ReadStaleStockWarnings {

    /** cost: remaining × unit cost, null when the batch has no unit cost. */
    @Schema(name = "StaleStockWarningLine")
    public record LineView(String warehouseCode, String partNumber, String partName, String unit, LocalDate receivedOn,
            int remaining, BigDecimal unitCost, BigDecimal cost, int ageDays) {
    }

    /** month: 2026-11; totalCost: the lines' costs summed (lines without a unit cost count nothing). */
    @Schema(name = "StaleStockWarning")
    public record WarningView(long id, String month, Instant writtenAt, LocalDate staleBefore, int batchCount, long quantity,
            BigDecimal totalCost, List<LineView> lines) {
    }

    public record File(String fileName, byte[] bytes) {
    }

    private final StaleStockWarningRepository warnings;

    ReadStaleStockWarnings(StaleStockWarningRepository warnings) {
        this.warnings = warnings;
    }

    /** The last 24 months' warnings, newest first. */
    @Transactional(readOnly = true)
    public List<WarningView> recent(Actor actor) {
        actor.require(Actor.KEEPERS, "see the stale stock warnings");
        return warnings.findTop24ByOrderByMonthDesc().stream().map(ReadStaleStockWarnings::view).toList();
    }

    @Transactional(readOnly = true)
    public File file(Actor actor, long id) {
        actor.require(Actor.KEEPERS, "see the stale stock warnings");
        WarningView w = warnings.findById(id).map(ReadStaleStockWarnings::view)
                .orElseThrow(() -> new NotFoundException("No stale stock warning " + id));
        return new File(fileName(w), workbook(w));
    }

    /** The sheet of one warning, for its mails (no reader to check: the delivery worker sends what was queued). */
    @Transactional(readOnly = true)
    java.util.Optional<File> fileOf(long id) {
        return warnings.findById(id).map(ReadStaleStockWarnings::view).map(w -> new File(fileName(w), workbook(w)));
    }

    private static String fileName(WarningView w) {
        return "呆滞物资预警-" + w.month() + ".xlsx";
    }

    private static WarningView view(StaleStockWarning w) {
        List<LineView> lines = w.getLines().stream().map(l -> new LineView(l.warehouseCode(), l.partNumber(), l.partName(), l.unit(),
                l.receivedOn(), l.remaining(), l.unitCost(),
                l.unitCost() == null ? null : l.unitCost().multiply(BigDecimal.valueOf(l.remaining())), l.ageDays())).toList();
        BigDecimal total = lines.stream().map(LineView::cost).filter(c -> c != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new WarningView(w.getId(), w.getMonth(), w.getWrittenAt(), w.getStaleBefore(), w.getBatchCount(), w.getQuantity(),
                total, lines);
    }

    private static byte[] workbook(WarningView w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Aftercare", "1.0");
            Worksheet sheet = workbook.newWorksheet("呆滞物资");
            String[] month = w.month().split("-");
            sheet.value(0, 0, month[0] + "年" + Integer.parseInt(month[1]) + "月末呆滞物资书面预警（" + w.staleBefore() + " 前入库且仍有结存）");
            sheet.style(0, 0).bold().set();
            String[] columns = { "仓库", "备件编号", "名称", "单位", "入库日期", "结存数量", "单价（元）", "金额（元）", "库龄（天）" };
            for (int c = 0; c < columns.length; c++) {
                sheet.value(1, c, columns[c]);
                sheet.style(1, c).bold().set();
            }
            int r = 2;
            for (LineView l : w.lines()) {
                sheet.value(r, 0, l.warehouseCode());
                sheet.value(r, 1, l.partNumber());
                sheet.value(r, 2, l.partName());
                sheet.value(r, 3, l.unit());
                sheet.value(r, 4, l.receivedOn().toString());
                sheet.value(r, 5, l.remaining());
                if (l.unitCost() != null) {
                    sheet.value(r, 6, l.unitCost());
                    sheet.value(r, 7, l.cost());
                }
                sheet.value(r, 8, l.ageDays());
                r++;
            }
            sheet.value(r, 0, "合计");
            sheet.value(r, 1, w.batchCount() + " 个批次");
            sheet.value(r, 5, w.quantity());
            sheet.value(r, 7, w.totalCost());
            sheet.style(r, 0).bold().set();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
