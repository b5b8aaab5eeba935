package org.resultsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** An overlay rendered by {@code kubectl kustomize} and parsed into typed models. */
final class Manifests {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    /** Kinds and the model each is parsed into; anything else fails the test (add a model for it). */
    static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class),
            // CloudNativePG publishes no Java model: generic objects, read field by field.
            Map.entry("postgresql.cnpg.io/v1/Cluster", GenericKubernetesResource.class),
            Map.entry("postgresql.cnpg.io/v1/Database", GenericKubernetesResource.class),
            // prometheus-operator publishes no fabric8 model either; MonitoringTest reads them field by field.
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", GenericKubernetesResource.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", GenericKubernetesResource.class));

    static final ObjectMapper YAML = new YAMLMapper();

    private static final Map<String, Manifests> CACHE = new HashMap<>();

    final String overlay;
    final List<HasMetadata> objects;
    final List<JsonNode> documents;

    private Manifests(String overlay, List<HasMetadata> objects, List<JsonNode> documents) {
        this.overlay = overlay;
        this.objects = objects;
        this.documents = documents;
    }

    static synchronized Manifests of(String overlay) {
        Manifests cached = CACHE.get(overlay);
        if (cached == null) {
            cached = render(overlay);
            CACHE.put(overlay, cached);
        }
        return cached;
    }

    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("kubectl", "kubectl.exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Manifests render(String overlay) {
        Optional<Path> kubectl = kubectl();
        Assumptions.assumeTrue(kubectl.isPresent(),
                "kubectl is not on the PATH: cannot render deploy/k8s/overlays/" + overlay
                        + " (install kubectl >= 1.27, which includes Kustomize 5, to run the manifest invariants)");
        Path dir = Project.root().resolve("deploy/k8s/overlays").resolve(overlay);
        String yaml;
        try {
            Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", dir.toString()).start();
            process.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy(process.getInputStream(), out);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Assertions.fail("kubectl kustomize " + overlay + " did not finish in 120 s");
            }
            errReader.join();
            if (process.exitValue() != 0) {
                Assertions.fail("kubectl kustomize deploy/k8s/overlays/" + overlay + " failed: "
                        + err.toString(StandardCharsets.UTF_8));
            }
            yaml = out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<HasMetadata> objects = new ArrayList<>();
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                String type = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
                String name = node.path("metadata").path("name").asText();
                Class<? extends HasMetadata> model = MODELS.get(type);
                Assertions.assertNotNull(model, overlay + ": " + type + " " + name
                        + " has no typed model in Manifests.MODELS: add one so its invariants can be checked");
                try {
                    objects.add(YAML.treeToValue(node, model));
                } catch (IOException e) {
                    Assertions.fail(overlay + ": " + type + " " + name + " does not parse as " + model.getSimpleName()
                            + ": " + e.getMessage());
                }
                documents.add(node);
            }
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + overlay + " printed no YAML", e);
        }
        return new Manifests(overlay, List.copyOf(objects), List.copyOf(documents));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the exit code tells
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseGet(() -> Assertions.fail(
                overlay + ": no " + type.getSimpleName() + " named " + name + " in the rendered overlay"));
    }

    List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    /** The one Kafka cluster of the deployment. */
    Kafka kafka() {
        List<Kafka> clusters = all(Kafka.class);
        Assertions.assertEquals(1, clusters.size(), overlay + ": expected exactly one Kafka, found " + clusters.size());
        return clusters.get(0);
    }

    /** The one CloudNativePG Cluster of the deployment. */
    GenericKubernetesResource postgres() {
        List<GenericKubernetesResource> clusters = generic("Cluster");
        Assertions.assertEquals(1, clusters.size(), overlay + ": expected exactly one CloudNativePG Cluster");
        return clusters.get(0);
    }

    static String id(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }
}
