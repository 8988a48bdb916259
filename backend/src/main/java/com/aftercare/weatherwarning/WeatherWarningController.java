package com.aftercare.weatherwarning;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Severe-weather warnings from a meteorological feed (PM-3). */
@RestController
@RequestMapping("/api/weather-warnings")
@Tag(name = "Weather warnings")
class WeatherWarningController {

    private final ReceiveWeatherWarning receive;
    private final ReadWeatherWarnings read;

    WeatherWarningController(ReceiveWeatherWarning receive, ReadWeatherWarnings read) {
        this.receive = receive;
        this.read = read;
    }

    @PostMapping
    @Operation(summary = "A severe-weather warning from the feed (desk token): at or above the minimum level it starts weather "
            + "inspections for the marked sites in its areas; 201 new, 200 the same warning again, 409 the same id contradicted")
    ResponseEntity<ReadWeatherWarnings.WarningView> receive(@RequestBody ReceiveWeatherWarning.Report body) {
        ReceiveWeatherWarning.Received received = receive.receive(body);
        return ResponseEntity.status(received.created() ? HttpStatus.CREATED : HttpStatus.OK).body(received.warning());
    }

    @GetMapping
    @Operation(summary = "The weather warnings received, newest first (100 at most)")
    List<ReadWeatherWarnings.WarningView> recent() {
        return read.recent();
    }
}
