package org.resultsflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every environment variable a Deployment sets configures a real key of its service ({@link EnvKeys}), and every
 * Secret it reads exists: in the overlay, written by an operator, or created by the user as README says.
 */
class EnvironmentTest {

    /** Secrets the user creates before applying (README, "Secrets to create"), with their keys. */
    static final Map<String, Set<String>> USER_SECRETS = Map.of(
            "resultsflow-jwt-public-key", Set.of("public-key.pem"),
            "resultsflow-db-ingest", Set.of("username", "password"),
            "resultsflow-db-catalog", Set.of("username", "password"),
            "resultsflow-db-reporting", Set.of("username", "password"));

    /** Secrets operators write, with their keys. */
    static Map<String, Set<String>> operatorSecrets(Manifests m) {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        // Strimzi: the cluster CA certificate (public part) and one Secret per KafkaUser.
        secrets.put(m.kafka().getMetadata().getName() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        m.all(KafkaUser.class).forEach(u -> secrets.put(u.getMetadata().getName(), Set.of("password", "sasl.jaas.config")));
        // CloudNativePG: the cluster's CA (self-signed mode: also its key, which no pod may mount).
        secrets.put(m.postgres().getMetadata().getName() + "-ca", Set.of("ca.crt"));
        return secrets;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableMapsToAConfigurationKeyOfItsService(String overlay) {
        Manifests m = Manifests.of(overlay);
        int variables = 0;
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : Project.services()) {
            Deployment deployment = Workloads.deployment(m, service);
            Container container = Workloads.container(deployment, service);
            for (String variable : Workloads.environment(m, deployment, container).keySet()) {
                variables++;
                String problem = EnvKeys.problem(service, variable);
                if (problem != null) {
                    problems.add(overlay + ": Deployment " + service.name() + ": " + problem);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        System.out.printf("EnvironmentTest[%s]: %d variables of %d Deployments map to configuration keys%n", overlay, variables,
                Project.SERVICES.size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everySecretReadExistsOrIsMadeByAnOperatorOrTheUser(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, Set<String>> operator = operatorSecrets(m);
        int references = 0;
        for (Deployment deployment : m.all(Deployment.class)) {
            String where = overlay + ": Deployment " + deployment.getMetadata().getName();
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                if (container.getEnv() == null) {
                    continue;
                }
                for (var env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        references++;
                        var ref = env.getValueFrom().getSecretKeyRef();
                        checkSecret(m, operator, ref.getName(), ref.getKey(), where + " variable " + env.getName());
                    }
                }
            }
            for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getSecret() == null) {
                    continue;
                }
                references++;
                String name = volume.getSecret().getSecretName();
                assertTrue(volume.getSecret().getItems() != null && !volume.getSecret().getItems().isEmpty(),
                        where + " volume " + volume.getName() + ": mount only the keys needed (items) from Secret " + name);
                volume.getSecret().getItems().forEach(item -> checkSecret(m, operator, name, item.getKey(),
                        where + " volume " + volume.getName()));
            }
        }
        System.out.printf("EnvironmentTest[%s]: %d Secret references resolved%n", overlay, references);
    }

    static void checkSecret(Manifests m, Map<String, Set<String>> operator, String name, String key, String where) {
        var rendered = m.find(Secret.class, name);
        Set<String> keys;
        if (rendered.isPresent()) {
            Secret secret = rendered.get();
            keys = new java.util.TreeSet<>();
            if (secret.getData() != null) {
                keys.addAll(secret.getData().keySet());
            }
            if (secret.getStringData() != null) {
                keys.addAll(secret.getStringData().keySet());
            }
            if (USER_SECRETS.containsKey(name)) {
                assertEquals(USER_SECRETS.get(name), keys, where + ": the overlay's Secret " + name + " must have the keys README documents");
            }
        } else if (operator.containsKey(name)) {
            keys = operator.get(name);
        } else {
            keys = USER_SECRETS.get(name);
            assertTrue(keys != null, where + " reads Secret " + name + ", which is not in the overlay, not written by an operator, and not "
                    + "among the Secrets README tells the user to create (EnvironmentTest.USER_SECRETS)");
        }
        assertTrue(keys.contains(key), where + " reads key '" + key + "' of Secret " + name + ", which has only " + keys);
    }
}
