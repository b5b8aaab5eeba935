package org.resultsflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service's KafkaUser grants exactly what its channels need: Read (+Describe) on the topics of incoming
 * channels and Read on their consumer groups, Write (+Describe) on the topics of outgoing channels, the explicitly
 * expected group prefixes, and nothing else (no cluster resource, no wildcard, no other operation).
 *
 * <p>No IdempotentWrite on the cluster: since Kafka 2.8 (KIP-679) Write on a topic is enough for an idempotent
 * producer; the test rejects a cluster ACL so least privilege stays the rule.
 */
class KafkaUsersTest {

    /** The ACLs a service needs, as "type:pattern:name:Operation" permissions. */
    static Set<String> expected(ServiceConfig service) {
        Set<String> acls = new TreeSet<>();
        for (ServiceConfig.Channel in : service.incoming().values()) {
            for (String topic : in.topics()) {
                acls.add("topic:literal:" + topic + ":Read");
                acls.add("topic:literal:" + topic + ":Describe");
            }
            acls.add("group:literal:" + in.groupId() + ":Read");
        }
        for (ServiceConfig.Channel out : service.outgoing().values()) {
            for (String topic : out.topics()) {
                acls.add("topic:literal:" + topic + ":Write");
                acls.add("topic:literal:" + topic + ":Describe");
            }
        }
        for (Expectations.GroupPrefix prefix : Expectations.GROUP_PREFIXES.getOrDefault(service.name(), List.of())) {
            acls.add("group:prefix:" + prefix.prefix() + ":Read");
        }
        return acls;
    }

    static Set<String> granted(KafkaUser user, String where) {
        assertTrue(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple,
                where + " must use simple authorization");
        Set<String> acls = new TreeSet<>();
        for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
            assertTrue(rule.getType() == null || rule.getType() == AclRuleType.ALLOW, where + ": only allow rules are expected");
            assertTrue(rule.getHost() == null || "*".equals(rule.getHost()), where + ": host-restricted ACLs are not expected");
            String resource;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                resource = "topic:" + topic.getPatternType().toValue() + ":" + topic.getName();
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                resource = "group:" + group.getPatternType().toValue() + ":" + group.getName();
            } else {
                resource = rule.getResource().getType() + ":";
                Assertions.fail(where + " grants on a " + rule.getResource().getType() + " resource; services need only topics and groups"
                        + " (no cluster IdempotentWrite since Kafka 2.8, KIP-679)");
            }
            List<AclOperation> operations = new ArrayList<>();
            if (rule.getOperations() != null) {
                operations.addAll(rule.getOperations());
            }
            if (rule.getOperation() != null) {
                operations.add(rule.getOperation());
            }
            for (AclOperation operation : operations) {
                acls.add(resource + ":" + operation.toValue());
            }
        }
        return acls;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceUserGrantsExactlyItsChannels(String overlay) {
        Manifests m = Manifests.of(overlay);
        String cluster = m.kafka().getMetadata().getName();
        int rules = 0;
        for (ServiceConfig service : Project.services()) {
            KafkaUser user = m.get(KafkaUser.class, service.name());
            String where = overlay + ": KafkaUser " + service.name();
            assertEquals(cluster, user.getMetadata().getLabels().get("strimzi.io/cluster"), where + " must carry strimzi.io/cluster=" + cluster);
            assertTrue(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication,
                    where + " must authenticate with SCRAM-SHA-512 (the listener's mechanism)");
            Set<String> expected = expected(service);
            Set<String> granted = granted(user, where);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(granted);
            Set<String> extra = new TreeSet<>(granted);
            extra.removeAll(expected);
            assertTrue(missing.isEmpty() && extra.isEmpty(), where + " does not match the service's channels ("
                    + "in: " + Project.describe(service.incoming()) + "; out: " + Project.describe(service.outgoing()) + ")"
                    + (missing.isEmpty() ? "" : "\n  missing: " + missing) + (extra.isEmpty() ? "" : "\n  beyond need: " + extra));
            rules += granted.size();
        }
        Set<String> names = new TreeSet<>();
        m.all(KafkaUser.class).forEach(u -> names.add(u.getMetadata().getName()));
        assertEquals(new TreeSet<>(Project.SERVICES), names, overlay + ": a KafkaUser per service and no others in the deployment "
                + "(subscribers bring their own, see README)");
        System.out.printf("KafkaUsersTest[%s]: %d KafkaUsers, %d granted permissions matched to channels%n", overlay, names.size(), rules);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceConnectsAsItsOwnUserOverTheAuthenticatedListener(String overlay) {
        Manifests m = Manifests.of(overlay);
        var tls = m.kafka().getSpec().getKafka().getListeners().stream().filter(l -> "tls".equals(l.getName())).findFirst().orElseThrow();
        String bootstrap = m.kafka().getMetadata().getName() + "-kafka-bootstrap:" + tls.getPort();
        for (ServiceConfig service : Project.services()) {
            Deployment deployment = Workloads.deployment(m, service);
            Container container = Workloads.container(deployment, service);
            Map<String, String> env = Workloads.environment(m, deployment, container);
            String where = overlay + ": Deployment " + service.name();
            assertEquals(bootstrap, env.get("KAFKA_BOOTSTRAP_SERVERS"), where + ": KAFKA_BOOTSTRAP_SERVERS must be the tls listener");
            assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL"), where + ": KAFKA_SECURITY_PROTOCOL");
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM"), where + ": KAFKA_SASL_MECHANISM");
            assertEquals("secret " + service.name() + "/sasl.jaas.config", env.get("KAFKA_SASL_JAAS_CONFIG"),
                    where + ": KAFKA_SASL_JAAS_CONFIG must come from the Secret of KafkaUser " + service.name());
            String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            assertNotNull(truststore, where + ": KAFKA_SSL_TRUSTSTORE_LOCATION is needed to trust the cluster CA");
            String caSecret = m.kafka().getMetadata().getName() + "-cluster-ca-cert";
            boolean mounted = container.getVolumeMounts().stream().anyMatch(mount -> truststore.startsWith(mount.getMountPath() + "/")
                    && deployment.getSpec().getTemplate().getSpec().getVolumes().stream().anyMatch(v -> v.getName().equals(mount.getName())
                    && v.getSecret() != null && caSecret.equals(v.getSecret().getSecretName())));
            assertTrue(mounted, where + ": the truststore " + truststore + " must be mounted from Secret " + caSecret);
        }
        System.out.printf("KafkaUsersTest[%s]: Kafka client settings of %d Deployments checked%n", overlay, Project.SERVICES.size());
    }
}
