package com.aftercare.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.engineer.EngineerService;
import com.aftercare.identity.Role;
import com.aftercare.support.StandaloneApp;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.ReadTimeline;
import com.aftercare.ticket.ReportFault;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.workflow.TaskView;
import com.aftercare.workflow.WorkflowTaskService;
import com.aftercare.support.H2Only;

/** The default run mode keeps its data in an H2 file: open cases and their tasks survive a restart. */
@H2Only
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void openTicketsAndTheirTasksSurviveARestartAndGoOn() {
        Map<String, String> settings = Map.of("spring.datasource.url",
                "jdbc:h2:file:" + dataDir.resolve("aftercare").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        Long ticketId;
        String number;
        try (StandaloneApp app = StandaloneApp.start("restart-test", settings)) {
            AssetService assets = app.bean(AssetService.class);
            Customer customer = assets.createCustomer("Restart customer");
            Site site = assets.createSite(new NewSite(customer.getId(), "Restart site", "Road", Region.COUNTY, null, null));
            assets.createDevice(new NewDevice(site.getId(), DeviceType.UPS, "UPS", null, "SN-RESTART", null, null, null, null, false));
            Ticket ticket = app.bean(ReportFault.class).report(new NewTicket(Channel.EMAIL, "Wang", null, "123456", site.getId(), null,
                    Category.DEFECT, Grade.HIGH, Grade.HIGH, "UPS alarm", "Beeping"), null).ticket();
            ticketId = ticket.getId();
            number = ticket.getNumber();
            app.bean(EngineerService.class).create("restart-eng", "Restart Engineer", null, null);
            complete(app, number, "firstLineResolution", Map.of("category", "DEFECT", "solvedAtDesk", false));
        }
        assertThat(Files.exists(dataDir.resolve("aftercare.mv.db"))).isTrue();

        try (StandaloneApp app = StandaloneApp.start("restart-test", settings)) {
            FindTicket tickets = app.bean(FindTicket.class);
            assertThat(tickets.get(ticketId).getStatus()).isEqualTo(TicketStatus.AWAITING_DISPATCH);
            assertThat(tickets.get(ticketId).getLevel()).isEqualTo("1");
            assertThat(app.bean(WorkflowTaskService.class).openTaskKeys(number)).containsOnlyKeys("assignEngineer");
            assertThat(app.bean(ReadTimeline.class).of(ticketId)).extracting(e -> e.getType()).contains("CREATED", "TASK_COMPLETED");
            // and the case goes on: the desk dispatches it after the restart
            complete(app, number, "assignEngineer", Map.of("engineer", "restart-eng"));
            assertThat(app.bean(WorkflowTaskService.class).openTaskKeys(number)).containsOnlyKeys("acceptAssignment");
            assertThat(tickets.get(ticketId).getAssignee()).isEqualTo("restart-eng");
        }
    }

    private static void complete(StandaloneApp app, String number, String key, Map<String, Object> values) {
        WorkflowTaskService tasks = app.bean(WorkflowTaskService.class);
        TaskView task = tasks.tasksOfTicket(number, "admin", Set.of(Role.SERVICE_DESK)).stream()
                .filter(t -> t.key().equals(key)).findFirst().orElseThrow();
        tasks.complete(task.id(), values, "restart-desk", Set.of(Role.SERVICE_DESK));
    }
}
