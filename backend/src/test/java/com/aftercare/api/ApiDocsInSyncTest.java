package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The frontend's TypeScript API types are generated from a committed copy of /v3/api-docs
 * (frontend/src/api/openapi.json). This test fails when the server's document no longer matches that copy, so a
 * changed endpoint or JSON shape cannot reach the browser without its types being regenerated.
 * Run with -Dapi.docs.update=true (scripts/update-api-types.sh does, and regenerates the types) to rewrite the copy.
 */
class ApiDocsInSyncTest extends IntegrationTest {

    static final String UPDATE_COMMAND = "scripts/update-api-types.sh";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Test
    void committedOpenApiDocumentMatchesTheServer() throws IOException {
        ApiClient.Response docs = new ApiClient(rest).get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        String served = normalize(docs.body());
        Path committed = committedFile();

        if (Boolean.getBoolean("api.docs.update")) {
            Files.writeString(committed, served, StandardCharsets.UTF_8);
            return;
        }
        String onDisk = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertThat(onDisk)
                .as("frontend/src/api/openapi.json is out of date: run %s", UPDATE_COMMAND)
                .isEqualTo(served);
    }

    /**
     * Sorted keys and two-space indentation, so the file only changes when the API does and its diff is readable;
     * the "servers" entry is dropped because it names the random port of whichever server produced the document.
     */
    static String normalize(JsonNode document) throws IOException {
        ObjectNode copy = (ObjectNode) sorted(document);
        copy.remove("servers");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return JSON.writer(printer).writeValueAsString(copy) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode result = JSON.createObjectNode();
            for (String name : names) {
                result.set(name, sorted(node.get(name)));
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JSON.createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                result.add(sorted(it.next()));
            }
            return result;
        }
        return node;
    }

    private static Path committedFile() {
        // Surefire sets aftercare.frontend.dir (backend/pom.xml); an IDE run starts in the backend module.
        String frontend = System.getProperty("aftercare.frontend.dir", "../frontend");
        return Path.of(frontend, "src", "api", "openapi.json").normalize();
    }
}
