package org.resultsflow.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README names everything a reader must create or connect to: no guessing a name, port or secret. */
class ReadmeTest {

    @Test
    void readmeNamesEverySecretEndpointAndCommand() {
        String readme = Project.read(Project.root().resolve("deploy/k8s/README.md"));
        Manifests prod = Manifests.of("prod");
        List<String> needed = new ArrayList<>();
        EnvironmentTest.USER_SECRETS.forEach((name, keys) -> {
            needed.add(name);
            needed.addAll(keys);
        });
        String kafka = prod.kafka().getMetadata().getName();
        int port = prod.kafka().getSpec().getKafka().getListeners().stream().filter(l -> "tls".equals(l.getName())).findFirst().orElseThrow().getPort();
        needed.add(kafka + "-kafka-bootstrap:" + port);
        needed.add(kafka + "-cluster-ca-cert");
        needed.add("SCRAM-SHA-512");
        needed.add("sasl.jaas.config");
        needed.add(KafkaTopicsTest.CHANGES);
        needed.add("kubectl apply -k deploy/k8s/overlays/dev");
        needed.add("kubectl apply -k deploy/k8s/overlays/prod");
        needed.add("resultsflow-tls");
        prod.all(Ingress.class).forEach(i -> i.getSpec().getRules().forEach(r -> needed.add(r.getHost())));
        for (ServiceConfig service : Project.services()) {
            needed.add("docker build -f " + service.name() + "/src/main/docker/Dockerfile.jvm -t resultsflow/" + service.artifactId() + ":0.1.0 " + service.name());
            needed.add(String.valueOf(service.httpPort()));
        }
        List<String> missing = needed.stream().filter(s -> !readme.contains(s)).toList();
        assertTrue(missing.isEmpty(), "deploy/k8s/README.md does not mention: " + missing);
        System.out.printf("ReadmeTest: %d names, endpoints and commands found in deploy/k8s/README.md%n", needed.size());
    }
}
