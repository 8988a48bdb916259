package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.aftercare.support.IntegrationTest;

/**
 * Issue 10, item 5: an enum is sent by its name. A number ({@code "impact": 1}, or the quoted
 * {@code "1"}) is a client bug, not the second constant: 400 naming the field, nothing written. Every
 * enum field of every request body and every enum query or path parameter is found in Spring's own
 * mapping table, so a new enum field is covered the day it exists.
 */
class EnumInputTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    ApiClient api;

    @Autowired com.aftercare.agent.RegisterAgent registerAgent;
    @Autowired com.aftercare.alarm.RegisterMonitoringSource registerSource;
    /** Probe agents and monitoring systems sign in with their own token or key on their routes, never as a user. */
    Map<String, String> agentAuth;
    Map<String, String> alarmAuth;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        agentAuth = Map.of("Authorization", "Bearer " + registerAgent.register(new com.aftercare.agent.RegisterAgent.Command(
                "Enum agent " + System.nanoTime(), site.getCustomer().getId(), List.of(site.getId()))).token());
        alarmAuth = Map.of("Authorization", "Bearer " + registerSource.register(new com.aftercare.alarm.RegisterMonitoringSource.NewSource(
                "Enum source " + System.nanoTime(), com.aftercare.alarm.SourceKind.GENERIC, site.getCustomer().getId(), null)).key());
    }

    long tickets() {
        return jdbc.queryForObject("select count(*) from ticket", Long.class);
    }

    @Test
    void aFaultReportWithEnumPositionsIsRefusedAndNothingIsWritten() {
        long before = tickets();
        Map<String, Object> body = ticketBody("HOTLINE", "LOW", "LOW");
        body.put("impact", 1);
        ApiClient.Response r = api.post("t-desk", "/api/tickets", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("impact");
        assertThat(r.detail()).contains("HIGH, MEDIUM, LOW");

        body = ticketBody("HOTLINE", "LOW", "LOW");
        body.put("impact", 0);
        body.put("urgency", 2);
        r = api.post("t-desk", "/api/tickets", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsAnyOf("impact", "urgency");

        body = ticketBody("HOTLINE", "LOW", "LOW");
        body.put("channel", "0");
        assertThat(api.post("t-desk", "/api/tickets", body).errorFields()).containsExactly("channel");
        body = ticketBody("HOTLINE", "LOW", "LOW");
        body.put("category", 1.0);
        assertThat(api.post("t-desk", "/api/tickets", body).errorFields()).containsExactly("category");
        assertThat(tickets()).isEqualTo(before);

        assertThat(api.post("t-desk", "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW")).status()).as("names still work")
                .isEqualTo(201);
    }

    /** One enum somewhere in a request: where it is, and the JSON path the error must name. */
    record EnumSpot(String route, List<Object> path) {
        String field() {
            StringBuilder s = new StringBuilder();
            for (Object step : path) {
                s.append(s.isEmpty() ? "" : ".").append(step instanceof Integer i ? "[" + i + "]" : step);
            }
            return s.toString();
        }

        /** {"levels": [{"clocks": [{"clock": value}]}]} for the path levels.[0].clocks.[0].clock. */
        Object body(Object value) {
            Object node = value;
            for (int i = path.size() - 1; i >= 0; i--) {
                Object step = path.get(i);
                if (step instanceof Integer) {
                    node = List.of(node);
                } else {
                    Map<String, Object> object = new LinkedHashMap<>();
                    object.put((String) step, node);
                    node = object;
                }
            }
            return node;
        }
    }

    @Test
    void everyEnumFieldOfEveryRequestBodyRefusesNumbers() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods(e.getKey())) {
                    for (MethodParameter p : e.getValue().getMethodParameters()) {
                        if (!p.hasParameterAnnotation(RequestBody.class)) {
                            continue;
                        }
                        List<List<Object>> paths = new ArrayList<>();
                        enumPaths(p.getGenericParameterType(), new ArrayList<>(), paths, 0);
                        for (List<Object> path : paths) {
                            EnumSpot spot = new EnumSpot(method + " " + pattern, path);
                            for (Object number : new Object[] { 0, 1, "1" }) {
                                Map<String, String> machine = pattern.startsWith("/api/agent/") ? agentAuth
                                        : pattern.startsWith("/api/alarms") ? alarmAuth : null;
                                ApiClient.Response r = api.exchange(machine == null ? "t-admin" : null, HttpMethod.valueOf(method.name()),
                                        fill(pattern), spot.body(number), machine);
                                assertThat(r.status()).as(spot.route() + " " + spot.field() + "=" + number + ": " + r.body())
                                        .isEqualTo(400);
                                assertThat(r.errorFields()).as(spot.route() + " " + spot.field() + "=" + number)
                                        .containsExactly(spot.field());
                            }
                            checked.add(spot.route() + " " + spot.field());
                        }
                    }
                }
            }
        }
        assertThat(checked).as("the mapping table was read").contains("POST /api/tickets channel", "POST /api/tickets impact",
                "POST /api/tickets urgency", "POST /api/tickets category", "POST /api/sites region", "POST /api/devices type");
    }

    @Test
    void everyEnumQueryOrPathParameterRefusesNumbers() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                if (e.getKey().getConsumesCondition().getConsumableMediaTypes().stream()
                        .anyMatch(m -> m.isCompatibleWith(org.springframework.http.MediaType.MULTIPART_FORM_DATA))) {
                    // an upload takes a multipart body, not the JSON this walk sends (AttachmentApiTest checks its fields)
                    continue;
                }
                for (RequestMethod method : methods(e.getKey())) {
                    for (MethodParameter p : e.getValue().getMethodParameters()) {
                        if (!p.getParameterType().isEnum()) {
                            continue;
                        }
                        RequestParam param = p.getParameterAnnotation(RequestParam.class);
                        PathVariable variable = p.getParameterAnnotation(PathVariable.class);
                        String name = param != null ? nameOf(param.name(), param.value(), p)
                                : variable != null ? nameOf(variable.name(), variable.value(), p) : null;
                        if (name == null) {
                            continue;
                        }
                        for (String number : new String[] { "0", "1" }) {
                            String path = param != null ? fill(pattern) + "?" + name + "=" + number
                                    : fill(pattern.replace("{" + name + "}", number));
                            ApiClient.Response r = api.exchange("t-admin", HttpMethod.valueOf(method.name()), path,
                                    method == RequestMethod.GET ? null : "{}", null);
                            assertThat(r.status()).as(method + " " + path + ": " + r.body()).isEqualTo(400);
                            assertThat(r.errorFields()).as(method + " " + path).containsExactly(name);
                        }
                        checked.add(method + " " + pattern + " " + name);
                    }
                }
            }
        }
        assertThat(checked).as("the mapping table was read").contains("GET /api/tickets status");
    }

    private static Set<RequestMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
    }

    private static String nameOf(String name, String value, MethodParameter p) {
        if (!name.isEmpty()) {
            return name;
        }
        p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        return value.isEmpty() ? p.getParameterName() : value;
    }

    /** Path variables of an existing kind: the body or parameter is read before anything is looked up. */
    private static String fill(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "1");
    }

    /** Walks records, beans and collections of them down to their enum-typed members. */
    private static void enumPaths(Type type, List<Object> prefix, List<List<Object>> found, int depth) {
        if (depth > 6) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == null) {
            return;
        }
        if (raw.isEnum()) {
            found.add(List.copyOf(prefix));
            return;
        }
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType pt) {
            List<Object> next = new ArrayList<>(prefix);
            next.add(0);
            enumPaths(pt.getActualTypeArguments()[0], next, found, depth + 1);
            return;
        }
        if (raw.isArray()) {
            List<Object> next = new ArrayList<>(prefix);
            next.add(0);
            enumPaths(raw.getComponentType(), next, found, depth + 1);
            return;
        }
        if (raw.isPrimitive() || raw.getName().startsWith("java.") || Map.class.isAssignableFrom(raw)
                || !raw.getName().startsWith("com.aftercare.")) {
            return;
        }
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                List<Object> next = new ArrayList<>(prefix);
                next.add(c.getName());
                enumPaths(c.getGenericType(), next, found, depth + 1);
            }
            return;
        }
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                List<Object> next = new ArrayList<>(prefix);
                next.add(f.getName());
                enumPaths(f.getGenericType(), next, found, depth + 1);
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
