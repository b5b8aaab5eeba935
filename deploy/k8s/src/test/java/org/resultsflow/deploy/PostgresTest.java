package org.resultsflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CloudNativePG Cluster gives every service its own role and database, and the services connect to them. */
class PostgresTest {

    static JsonNode tree(GenericKubernetesResource resource) {
        return Manifests.YAML.valueToTree(resource);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsRoleDatabaseAndConnection(String overlay) {
        Manifests m = Manifests.of(overlay);
        GenericKubernetesResource cluster = m.postgres();
        String name = cluster.getMetadata().getName();
        JsonNode spec = tree(cluster).path("spec");
        int instances = spec.path("instances").asInt();
        assertEquals(overlay.equals("prod") ? 3 : 1, instances, overlay + ": Cluster " + name + " instances");

        Map<String, String> rolePasswordSecret = new HashMap<>();
        spec.path("managed").path("roles").forEach(role -> {
            assertTrue(role.path("login").asBoolean(), overlay + ": managed role " + role.path("name").asText() + " must be able to log in");
            rolePasswordSecret.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        });
        Map<String, JsonNode> databases = new HashMap<>();
        for (GenericKubernetesResource database : m.generic("Database")) {
            JsonNode db = tree(database).path("spec");
            assertEquals(name, db.path("cluster").path("name").asText(), overlay + ": Database " + database.getMetadata().getName() + " cluster");
            databases.put(db.path("name").asText(), db);
        }
        int checked = 0;
        for (ServiceConfig service : Project.services()) {
            Deployment deployment = Workloads.deployment(m, service);
            Container container = Workloads.container(deployment, service);
            Map<String, String> env = Workloads.environment(m, deployment, container);
            String where = overlay + ": Deployment " + service.name();
            String db = service.databaseName();
            String reactive = env.get("QUARKUS_DATASOURCE_REACTIVE_URL");
            String jdbc = env.get("QUARKUS_DATASOURCE_JDBC_URL");
            assertEquals("postgresql://" + name + "-rw:5432/" + db, reactive, where + ": QUARKUS_DATASOURCE_REACTIVE_URL must name the primary ("
                    + name + "-rw) and the service's database " + db);
            assertNotNull(jdbc, where + ": QUARKUS_DATASOURCE_JDBC_URL (Flyway) is needed");
            assertTrue(jdbc.startsWith("jdbc:postgresql://" + name + "-rw:5432/" + db + "?") || jdbc.equals("jdbc:postgresql://" + name + "-rw:5432/" + db),
                    where + ": QUARKUS_DATASOURCE_JDBC_URL must point at the same database as the reactive URL, found " + jdbc);
            JsonNode database = databases.get(db);
            assertNotNull(database, overlay + ": no CloudNativePG Database named " + db + " for " + service);
            String owner = database.path("owner").asText();
            String secretRef = env.get("QUARKUS_DATASOURCE_USERNAME");
            assertEquals("secret " + rolePasswordSecret.get(owner) + "/username", secretRef, where
                    + ": the username must come from the passwordSecret of role " + owner + " (the owner of database " + db + ")");
            assertEquals("secret " + rolePasswordSecret.get(owner) + "/password", env.get("QUARKUS_DATASOURCE_PASSWORD"), where + ": password");
            m.find(Secret.class, rolePasswordSecret.get(owner)).ifPresent(secret -> {
                assertEquals("kubernetes.io/basic-auth", secret.getType(), overlay + ": Secret " + secret.getMetadata().getName()
                        + " must be kubernetes.io/basic-auth (CloudNativePG managed roles)");
                String username = new String(Base64.getDecoder().decode(secret.getData().get("username")), StandardCharsets.UTF_8);
                assertEquals(owner, username, overlay + ": Secret " + secret.getMetadata().getName() + " username must be the role " + owner);
            });
            checked++;
        }
        System.out.printf("PostgresTest[%s]: Cluster %s (%d instances), %d roles, %d Databases, %d service connections checked%n",
                overlay, name, instances, rolePasswordSecret.size(), databases.size(), checked);
    }
}
