package com.aftercare.sla;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.aftercare.calendar.WorkingWindow;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;

/** Reads a contract's office hours from what the client sent, naming the window and end that is wrong. */
final class WorkingHours {

    static final int MAX_WINDOWS = 6;
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private WorkingHours() {
    }

    /** Null means the default hours; anything else must be 1 to 6 windows of HH:mm that do not overlap. */
    static List<WorkingWindow> read(List<ContractSettings.Window> input) {
        if (input == null) {
            return ContractTerms.DEFAULT_HOURS;
        }
        if (input.isEmpty() || input.size() > MAX_WINDOWS) {
            throw new BadRequestException("workingHours", "1 to " + MAX_WINDOWS + " windows, e.g. [{\"from\":\"08:30\",\"to\":\"12:00\"}]");
        }
        List<FieldError> errors = new ArrayList<>();
        List<WorkingWindow> windows = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            ContractSettings.Window w = input.get(i);
            String field = "workingHours[" + i + "]";
            if (w == null) {
                errors.add(new FieldError(field, "a window {from, to} is required"));
                continue;
            }
            boolean fromOk = w.from() != null && TIME.matcher(w.from()).matches();
            boolean toOk = w.to() != null && (TIME.matcher(w.to()).matches() || "24:00".equals(w.to()));
            if (!fromOk) {
                errors.add(new FieldError(field + ".from", "a time HH:mm, e.g. 08:30"));
            }
            if (!toOk) {
                errors.add(new FieldError(field + ".to", "a time HH:mm, e.g. 17:00, or 24:00"));
            }
            if (!fromOk || !toOk) {
                continue;
            }
            if (w.from().compareTo(w.to()) >= 0) {
                errors.add(new FieldError(field + ".to", "must be after " + w.from()));
                continue;
            }
            WorkingWindow window = WorkingWindow.of(w.from(), w.to());
            for (int j = 0; j < windows.size(); j++) {
                WorkingWindow earlier = windows.get(j);
                if (window.from().isBefore(earlier.endsAtMidnight() ? java.time.LocalTime.MAX : earlier.to())
                        && earlier.from().isBefore(window.endsAtMidnight() ? java.time.LocalTime.MAX : window.to())) {
                    errors.add(new FieldError(field + ".from", "overlaps " + earlier));
                }
            }
            windows.add(window);
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return windows.stream().sorted(java.util.Comparator.comparing(WorkingWindow::from)).toList();
    }
}
