package com.aftercare.weatherwarning;

/** The colour of a meteorological warning (预警信号), from least to most severe: 蓝色, 黄色, 橙色, 红色. */
public enum WarningLevel {
    BLUE, YELLOW, ORANGE, RED;

    boolean atLeast(WarningLevel other) {
        return compareTo(other) >= 0;
    }
}
