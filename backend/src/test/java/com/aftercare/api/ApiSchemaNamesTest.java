package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The OpenAPI document names each JSON shape by its class's simple name (or its {@code @Schema(name)}), and keeps one
 * shape per name: two request or answer types called {@code Command} or {@code DeviceView} in different use cases
 * became one schema, so /v3/api-docs (and the frontend's generated types) showed the same body for endpoints that take
 * different ones. Every type an endpoint takes or answers, and every type inside those, must have a name of its own.
 */
class ApiSchemaNamesTest {

    @Test
    void everyTypeAnEndpointTakesOrAnswersHasASchemaNameOfItsOwn() {
        Map<String, Set<String>> classesByName = new TreeMap<>();
        for (Class<?> type : typesOfTheApi()) {
            classesByName.computeIfAbsent(schemaName(type), k -> new TreeSet<>()).add(type.getName());
        }
        Map<String, Set<String>> shared = new TreeMap<>();
        classesByName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                shared.put(name, classes);
            }
        });
        assertThat(classesByName).as("the API's own types were found").hasSizeGreaterThan(100);
        assertThat(shared).as("schema names shared by different types: give each @Schema(name = \"<UseCase><Type>\")")
                .isEmpty();
    }

    /** What springdoc names the schema of a type: its @Schema name, else its simple name. */
    private static String schemaName(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isBlank() ? schema.name() : type.getSimpleName();
    }

    /** The application's types reachable from the controllers' answers and request bodies, through their fields. */
    private static Set<Class<?>> typesOfTheApi() {
        Set<Class<?>> found = new HashSet<>();
        Deque<Type> toVisit = new ArrayDeque<>();
        // Spring's scanner reads only the class files' headers (ArchUnit's full import took 20 s for the same answer)
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        for (BeanDefinition controller : scanner.findCandidateComponents("com.aftercare")) {
            if (controller instanceof AbstractBeanDefinition scanned && scanned.getResource() != null
                    && scanned.getResource().getDescription().contains("test-classes")) {
                continue; // the tests' own endpoints are not the product's API
            }
            for (Method method : ClassUtils.resolveClassName(controller.getBeanClassName(), null).getDeclaredMethods()) {
                if (!isEndpoint(method)) {
                    continue;
                }
                toVisit.add(method.getGenericReturnType());
                for (int i = 0; i < method.getParameterCount(); i++) {
                    if (method.getParameters()[i].isAnnotationPresent(RequestBody.class)) {
                        toVisit.add(method.getGenericParameterTypes()[i]);
                    }
                }
            }
        }
        while (!toVisit.isEmpty()) {
            Type type = toVisit.pop();
            if (type instanceof ParameterizedType p) {
                toVisit.add(p.getRawType());
                toVisit.addAll(java.util.List.of(p.getActualTypeArguments()));
            } else if (type instanceof GenericArrayType a) {
                toVisit.add(a.getGenericComponentType());
            } else if (type instanceof WildcardType w) {
                toVisit.addAll(java.util.List.of(w.getUpperBounds()));
            } else if (type instanceof Class<?> c) {
                if (c.isArray()) {
                    toVisit.add(c.getComponentType());
                } else if (c.getName().startsWith("com.aftercare.") && found.add(c)) {
                    fieldTypes(c, toVisit);
                }
            }
        }
        return found;
    }

    private static boolean isEndpoint(Method method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType() == RequestMapping.class
                    || annotation.annotationType().isAnnotationPresent(RequestMapping.class)) {
                return true;
            }
        }
        return false;
    }

    private static void fieldTypes(Class<?> c, Deque<Type> toVisit) {
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                toVisit.add(component.getGenericType());
            }
            return;
        }
        if (c.isEnum()) {
            return;
        }
        for (Field field : c.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                toVisit.add(field.getGenericType());
            }
        }
    }
}
