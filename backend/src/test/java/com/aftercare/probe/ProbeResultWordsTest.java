package com.aftercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.aftercare.labels.Labels;

/** A Chinese reader sees the probe evidence in Chinese with the same figures; an English reader sees it as stored. */
class ProbeResultWordsTest {

    @Test
    void everySummaryShapeProbeServiceWritesReadsInChinese() {
        assertThat(ProbeResultWords.summary("Device NVR-01 does not work: 1 of 3 checks failed", Labels.ZH))
                .isEqualTo("设备 NVR-01 未通过验证：3 项检测中 1 项未通过");
        assertThat(ProbeResultWords.summary("Device CAM-1 does not work: 2 of 2 checks failed (2 not configured)", Labels.ZH))
                .isEqualTo("设备 CAM-1 未通过验证：2 项检测中 2 项未通过（其中 2 项未配置）");
        assertThat(ProbeResultWords.summary("Device CAM-1 works: 2 of 2 checks passed", Labels.ZH))
                .isEqualTo("设备 CAM-1 工作正常：2 项检测全部通过");
        assertThat(ProbeResultWords.summary("Device CAM-1: verification waived by desk for 2 checks not configured; 1 of 3 checks passed",
                Labels.ZH)).isEqualTo("设备 CAM-1：desk 已豁免 2 项未配置的检测；其余 1 项检测通过");
        assertThat(ProbeResultWords.summary("Device CAM-1: verification waived by desk for 2 checks not configured; 0 of 2 checks passed",
                Labels.ZH)).isEqualTo("设备 CAM-1：desk 已豁免 2 项未配置的检测，验证通过");
        assertThat(ProbeResultWords.summary("Device CAM-1 is not configured for 2 of 3 checks; not verified", Labels.ZH))
                .isEqualTo("设备 CAM-1 有 2 项检测（共 3 项）未配置，未通过验证");
        assertThat(ProbeResultWords.summary("No device on this ticket; nothing to probe", Labels.ZH)).isEqualTo("本工单未关联设备，无需探测");
        assertThat(ProbeResultWords.summary("Probe could not run: java.lang.IllegalStateException: boom", Labels.ZH))
                .isEqualTo("探测多次重试后仍未能执行，按未通过处理");
    }

    @Test
    void aChecksDetailKeepsItsFiguresInChineseAndStaysAsStoredForEnglish() {
        ProbeCheck stored = new ProbeCheck("NVR_STORAGE", "http://10.0.0.9", false,
                "free 0.5 GB of 3726.0 GB on 1 disk; minimum 1.0 GB", 42, "LOW_FREE_SPACE");
        ProbeCheck zh = ProbeResultWords.check(stored, Labels.ZH);
        assertThat(zh.detail()).contains("0.5").contains("3726.0").contains("1.0").doesNotContain("free").doesNotContain("minimum");
        assertThat(zh.kind()).isEqualTo("NVR_STORAGE");
        assertThat(zh.reason()).isEqualTo("LOW_FREE_SPACE");
        assertThat(ProbeResultWords.check(stored, Labels.EN)).isEqualTo(stored);
        assertThat(ProbeResultWords.summary("Device X works: 1 of 1 checks passed", Labels.EN)).isEqualTo("Device X works: 1 of 1 checks passed");
    }
}
