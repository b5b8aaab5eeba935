package org.resultsflow.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No field the typed models do not know: fabric8 and Strimzi keep unknown fields in "additionalProperties" instead
 * of failing, so a misspelt field ("readOnlyRootFileSystem", "acl" for "acls") would otherwise pass silently and be
 * ignored by the API server or operator.
 */
class ModelStrictnessTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyFieldIsKnownToItsModel(String overlay) throws IllegalAccessException {
        Manifests m = Manifests.of(overlay);
        List<String> unknown = new ArrayList<>();
        int typed = 0;
        for (HasMetadata object : m.objects) {
            if (object instanceof GenericKubernetesResource generic) {
                // CloudNativePG objects: no model, only their metadata can be checked.
                walk(generic.getMetadata(), Manifests.id(object) + ".metadata", unknown, new IdentityHashMap<>());
                continue;
            }
            typed++;
            walk(object, Manifests.id(object), unknown, new IdentityHashMap<>());
        }
        assertTrue(unknown.isEmpty(), overlay + ": fields unknown to the typed models (misspelt or misplaced?):\n  " + String.join("\n  ", unknown));
        System.out.printf("ModelStrictnessTest[%s]: %d typed objects walked field by field, %d generic (CloudNativePG) by metadata%n",
                overlay, typed, m.objects.size() - typed);
    }

    static boolean isModel(Object value) {
        if (value instanceof Enum<?>) {
            return false;
        }
        String name = value.getClass().getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }

    static void walk(Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) throws IllegalAccessException {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "." + entry.getKey(), unknown, seen);
            }
            return;
        }
        if (!isModel(value)) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type.getName().startsWith("io."); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue = field.get(value);
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                } else {
                    walk(fieldValue, path + "." + field.getName(), unknown, seen);
                }
            }
        }
    }
}
