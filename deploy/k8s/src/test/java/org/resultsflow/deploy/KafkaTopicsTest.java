package org.resultsflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Kafka cluster and its topics against the topics the services name in their channels. */
class KafkaTopicsTest {

    static final String CHANGES = "catalog.changes";

    static Map<String, KafkaTopic> topicsByName(Manifests m) {
        Map<String, KafkaTopic> topics = new TreeMap<>();
        for (KafkaTopic topic : m.all(KafkaTopic.class)) {
            String name = topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
            topics.put(name, topic);
        }
        return topics;
    }

    static int replicas(KafkaNodePool pool) {
        return pool.getSpec().getReplicas();
    }

    static int brokers(Manifests m) {
        return m.all(KafkaNodePool.class).stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(KafkaTopicsTest::replicas).sum();
    }

    static int intConfig(Map<String, Object> config, String key, int otherwise) {
        Object value = config == null ? null : config.get(key);
        return value == null ? otherwise : Integer.parseInt(value.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicOfEveryChannelHasAKafkaTopicAndNoTopicIsOrphaned(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, KafkaTopic> topics = topicsByName(m);
        String cluster = m.kafka().getMetadata().getName();
        Set<String> used = new TreeSet<>();
        int channels = 0;
        for (ServiceConfig service : Project.services()) {
            for (ServiceConfig.Channel channel : service.incoming().values()) {
                channels++;
                for (String topic : channel.topics()) {
                    used.add(topic);
                    assertTrue(topics.containsKey(topic), overlay + ": " + service + " reads channel '" + channel.name()
                            + "' from topic " + topic + ", but no KafkaTopic declares it");
                }
            }
            for (ServiceConfig.Channel channel : service.outgoing().values()) {
                channels++;
                for (String topic : channel.topics()) {
                    used.add(topic);
                    assertTrue(topics.containsKey(topic), overlay + ": " + service + " writes channel '" + channel.name()
                            + "' to topic " + topic + ", but no KafkaTopic declares it");
                }
            }
        }
        for (Map.Entry<String, KafkaTopic> topic : topics.entrySet()) {
            assertTrue(used.contains(topic.getKey()), overlay + ": KafkaTopic " + topic.getValue().getMetadata().getName()
                    + " (topic " + topic.getKey() + ") is used by no channel of any service: remove it or name the channel");
            assertEquals(cluster, topic.getValue().getMetadata().getLabels().get("strimzi.io/cluster"), overlay + ": KafkaTopic "
                    + topic.getKey() + " must carry label strimzi.io/cluster=" + cluster + " or the topic operator ignores it");
        }
        System.out.printf("KafkaTopicsTest[%s]: %d channels of %d services matched against %d KafkaTopics%n",
                overlay, channels, Project.SERVICES.size(), topics.size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void catalogChangesIsCompactedAndDeadLettersAreNot(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, KafkaTopic> topics = topicsByName(m);
        KafkaTopic changes = topics.get(CHANGES);
        assertNotNull(changes, overlay + ": no KafkaTopic for " + CHANGES);
        assertEquals("compact", String.valueOf(changes.getSpec().getConfig().get("cleanup.policy")), overlay + ": KafkaTopic "
                + CHANGES + " must have cleanup.policy=compact: subscribers and the rebuild read the latest state per key from the start");
        int checked = 1;
        for (Map.Entry<String, KafkaTopic> topic : topics.entrySet()) {
            if (topic.getKey().endsWith(".dlq")) {
                checked++;
                Object policy = topic.getValue().getSpec().getConfig() == null ? null : topic.getValue().getSpec().getConfig().get("cleanup.policy");
                assertFalse(policy != null && policy.toString().contains("compact"), overlay + ": dead-letter topic "
                        + topic.getKey() + " must not be compacted: every record set aside must stay inspectable");
            }
        }
        System.out.printf("KafkaTopicsTest[%s]: cleanup policy of %d topics checked%n", overlay, checked);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void replicationFitsTheBrokersAndProdSurvivesABroker(String overlay) {
        Manifests m = Manifests.of(overlay);
        int brokers = brokers(m);
        assertTrue(brokers >= 1, overlay + ": no KafkaNodePool with role broker");
        Map<String, Object> clusterConfig = m.kafka().getSpec().getKafka().getConfig();
        int topicsChecked = 0;
        for (Map.Entry<String, KafkaTopic> entry : topicsByName(m).entrySet()) {
            KafkaTopic topic = entry.getValue();
            String id = overlay + ": KafkaTopic " + entry.getKey();
            Integer replicas = topic.getSpec().getReplicas();
            assertNotNull(replicas, id + " must state its replicas");
            assertNotNull(topic.getSpec().getPartitions(), id + " must state its partitions");
            int minIsr = intConfig(topic.getSpec().getConfig(), "min.insync.replicas", intConfig(clusterConfig, "min.insync.replicas", 1));
            assertTrue(replicas <= brokers, id + " has replicas " + replicas + " but the overlay runs " + brokers + " brokers");
            assertTrue(minIsr <= replicas, id + " has min.insync.replicas " + minIsr + " > replicas " + replicas
                    + ": every acks=all write would fail");
            if (replicas > 1) {
                assertTrue(minIsr < replicas, id + " has min.insync.replicas == replicas " + replicas
                        + ": one broker restart would stop every producer");
            }
            if (overlay.equals("prod")) {
                assertEquals(3, replicas, id + ": prod topics need replication 3");
                assertEquals(2, minIsr, id + ": prod topics need min.insync.replicas 2");
            }
            topicsChecked++;
        }
        for (String key : new String[] {"default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor", "min.insync.replicas", "transaction.state.log.min.isr"}) {
            int value = intConfig(clusterConfig, key, 1);
            assertTrue(value <= brokers, overlay + ": Kafka " + m.kafka().getMetadata().getName() + " sets " + key + "="
                    + value + " but the overlay runs " + brokers + " brokers");
        }
        if (overlay.equals("prod")) {
            assertTrue(brokers >= 3, "prod: at least 3 brokers, found " + brokers);
            int controllers = m.all(KafkaNodePool.class).stream()
                    .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER)).mapToInt(KafkaTopicsTest::replicas).sum();
            assertTrue(controllers >= 3 && controllers % 2 == 1, "prod: an odd number >= 3 of KRaft controllers, found " + controllers);
            assertEquals(2, intConfig(clusterConfig, "min.insync.replicas", 1), "prod: Kafka min.insync.replicas default must be 2");
        }
        System.out.printf("KafkaTopicsTest[%s]: replication of %d KafkaTopics and the Kafka cluster checked against %d brokers%n",
                overlay, topicsChecked, brokers);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void kafkaIsKraftWithNodePoolsAndAuthenticatedTlsListener(String overlay) {
        Manifests m = Manifests.of(overlay);
        Kafka kafka = m.kafka();
        String name = kafka.getMetadata().getName();
        Map<String, String> annotations = kafka.getMetadata().getAnnotations();
        assertEquals("enabled", annotations.get("strimzi.io/kraft"), overlay + ": Kafka " + name + " needs strimzi.io/kraft: enabled");
        assertEquals("enabled", annotations.get("strimzi.io/node-pools"), overlay + ": Kafka " + name + " needs strimzi.io/node-pools: enabled");
        Set<ProcessRoles> roles = new TreeSet<>();
        for (KafkaNodePool pool : m.all(KafkaNodePool.class)) {
            assertEquals(name, pool.getMetadata().getLabels().get("strimzi.io/cluster"), overlay + ": KafkaNodePool "
                    + pool.getMetadata().getName() + " must carry strimzi.io/cluster=" + name);
            roles.addAll(pool.getSpec().getRoles());
        }
        assertEquals(Set.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER), roles, overlay + ": KRaft needs controller and broker pools");
        assertNotNull(kafka.getSpec().getKafka().getAuthorization(), overlay + ": Kafka " + name + " needs simple authorization for the ACLs to mean anything");
        assertEquals("simple", kafka.getSpec().getKafka().getAuthorization().getType(), overlay + ": Kafka " + name + " authorization");
        GenericKafkaListener tls = kafka.getSpec().getKafka().getListeners().stream().filter(l -> "tls".equals(l.getName()))
                .findFirst().orElseGet(() -> org.junit.jupiter.api.Assertions.fail(overlay + ": Kafka " + name + " has no listener 'tls'"));
        assertTrue(tls.isTls(), overlay + ": listener tls must use TLS");
        assertTrue(tls.getAuth() instanceof KafkaListenerAuthenticationScramSha512, overlay + ": listener tls must authenticate with SCRAM-SHA-512");
        assertEquals(Boolean.FALSE, Boolean.valueOf(String.valueOf(kafka.getSpec().getKafka().getConfig().get("auto.create.topics.enable"))),
                overlay + ": auto.create.topics.enable must be false: topics are declared as KafkaTopics");
        System.out.printf("KafkaTopicsTest[%s]: Kafka %s, %d KafkaNodePools, %d listeners checked%n", overlay, name,
                m.all(KafkaNodePool.class).size(), kafka.getSpec().getKafka().getListeners().size());
    }
}
