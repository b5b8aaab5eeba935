package org.resultsflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's Deployment, Service, Ingress, HPA, PDB and NetworkPolicy against the service itself. */
class DeploymentsTest {

    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";
    /** Services reached from outside the cluster through the ingress controller; the others are internal. */
    static final Set<String> PUBLIC = Set.of("ingest-service", "reporting-service");
    /** Autoscaled on CPU; catalog-service scales with its topics' partitions instead (see its Deployment). */
    static final Set<String> AUTOSCALED = Set.of("ingest-service", "reporting-service");

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void probesPortsAndImageAgreeWithTheService(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (ServiceConfig service : Project.services()) {
            Deployment deployment = Workloads.deployment(m, service);
            Container container = Workloads.container(deployment, service);
            Map<String, String> env = Workloads.environment(m, deployment, container);
            int port = Workloads.effectivePort(service, env);
            String where = overlay + ": Deployment " + service.name();
            if (env.containsKey("QUARKUS_HTTP_PORT")) {
                assertEquals(service.httpPort(), port, where + " sets QUARKUS_HTTP_PORT=" + port + " but the service's quarkus.http.port is "
                        + service.httpPort() + ": keep them equal so local, Docker and Kubernetes use one port");
            }
            assertTrue(container.getPorts().stream().anyMatch(p -> p.getContainerPort() == port && "http".equals(p.getName())),
                    where + " must declare container port 'http' = " + port + " (the service's HTTP port)");
            checkProbe(container, container.getLivenessProbe(), "livenessProbe", LIVE, port, where);
            checkProbe(container, container.getReadinessProbe(), "readinessProbe", READY, port, where);
            if (container.getStartupProbe() != null) {
                assertTrue(container.getStartupProbe().getHttpGet().getPath().startsWith("/q/health"), where + ": startupProbe on a health path");
                assertEquals(port, Workloads.resolve(container, container.getStartupProbe().getHttpGet().getPort(), where + " startupProbe"));
            }
            String image = container.getImage();
            assertTrue(image.matches("(.+/)?resultsflow/" + service.artifactId() + ":[A-Za-z0-9._-]+"), where + ": image " + image
                    + " is not resultsflow/" + service.artifactId() + ":<tag> (the name README's docker build gives it)");
            assertFalse(image.endsWith(":latest"), where + ": image " + image + " must have a fixed tag, not latest");

            Service svc = m.get(Service.class, service.name());
            assertTrue(matches(svc.getSpec().getSelector(), deployment.getSpec().getTemplate().getMetadata().getLabels()),
                    overlay + ": Service " + service.name() + " does not select the pods of its Deployment");
            ServicePort http = svc.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseGet(() -> Assertions.fail(overlay + ": Service " + service.name() + " has no port 'http'"));
            assertEquals(port, Workloads.resolve(container, http.getTargetPort(), overlay + ": Service " + service.name() + " targetPort"),
                    overlay + ": Service " + service.name() + " must target the service's port");
            assertEquals(port, http.getPort(), overlay + ": Service " + service.name() + " port must equal the service's port " + port);

            List<Ingress> ingresses = m.all(Ingress.class).stream().filter(i -> i.getSpec().getRules().stream()
                    .flatMap(r -> r.getHttp().getPaths().stream()).anyMatch(p -> service.name().equals(p.getBackend().getService().getName())))
                    .toList();
            if (PUBLIC.contains(service.name())) {
                assertFalse(ingresses.isEmpty(), overlay + ": " + service.name() + " needs an Ingress");
                ingresses.forEach(i -> i.getSpec().getRules().forEach(r -> r.getHttp().getPaths().forEach(p -> {
                    IngressBackend backend = p.getBackend();
                    assertEquals(port, backend.getService().getPort().getNumber(), overlay + ": Ingress " + i.getMetadata().getName()
                            + " must send to port " + port + " of Service " + service.name());
                    assertNotNull(r.getHost(), overlay + ": Ingress " + i.getMetadata().getName() + " needs a host");
                })));
            } else {
                assertTrue(ingresses.isEmpty(), overlay + ": " + service.name() + " is internal and must not have an Ingress");
            }
        }
        System.out.printf("DeploymentsTest[%s]: probes, ports and images of %d Deployments, %d Services, %d Ingresses checked%n", overlay,
                m.all(Deployment.class).size(), m.all(Service.class).size(), m.all(Ingress.class).size());
    }

    static void checkProbe(Container container, Probe probe, String kind, String path, int port, String where) {
        assertNotNull(probe, where + " has no " + kind);
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, where + ": " + kind + " must be an HTTP GET");
        assertEquals(path, get.getPath(), where + ": " + kind + " path");
        assertEquals(port, Workloads.resolve(container, get.getPort(), where + " " + kind), where + ": " + kind + " port");
    }

    /**
     * Each service runs within the memory deploy/local/bench measures its peak RSS against, with the heap the local
     * launcher gives it (LocalStack.serviceJvm): 256Mi, the catalog 448Mi; the image gives half to the heap
     * (JAVA_MAX_MEM_RATIO in the Dockerfile; the catalog's sets its 192 MiB), the rest is metaspace, code, threads and
     * buffers. The catalog's peak RSS under the benchmark (~410 MiB) is over 384Mi.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsHeldToTheMemoryBudgetOfTheBenchmark(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (ServiceConfig service : Project.services()) {
            Container container = Workloads.container(Workloads.deployment(m, service), service);
            Quantity limit = container.getResources().getLimits().get("memory");
            String budget = service.name().equals("catalog-service") ? "448Mi" : "256Mi";
            assertEquals(Quantity.getAmountInBytes(new Quantity(budget)), Quantity.getAmountInBytes(limit),
                    overlay + ": " + service.name() + " memory limit");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerIsBoundedAndUnprivileged(String overlay) {
        Manifests m = Manifests.of(overlay);
        int containers = 0;
        for (Deployment deployment : m.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            for (Container container : pod.getContainers()) {
                containers++;
                String where = overlay + ": Deployment " + deployment.getMetadata().getName() + " container " + container.getName();
                var resources = container.getResources();
                assertNotNull(resources, where + " has no resources");
                Map<String, Quantity> requests = resources.getRequests();
                Map<String, Quantity> limits = resources.getLimits();
                assertTrue(requests != null && requests.containsKey("cpu") && requests.containsKey("memory"), where + " needs cpu and memory requests");
                // CPU limits are left out on purpose (throttling a JVM under load hurts latency); memory is bounded.
                assertTrue(limits != null && limits.containsKey("memory"), where + " needs a memory limit");
                assertTrue(Quantity.getAmountInBytes(limits.get("memory")).compareTo(Quantity.getAmountInBytes(requests.get("memory"))) >= 0,
                        where + ": memory limit below its request");
                SecurityContext security = container.getSecurityContext();
                assertNotNull(security, where + " has no securityContext");
                Boolean nonRoot = security.getRunAsNonRoot() != null ? security.getRunAsNonRoot()
                        : podSecurity == null ? null : podSecurity.getRunAsNonRoot();
                assertEquals(Boolean.TRUE, nonRoot, where + " must set runAsNonRoot: true");
                assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), where + " must set readOnlyRootFilesystem: true");
                assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), where + " must set allowPrivilegeEscalation: false");
                assertTrue(security.getCapabilities() != null && security.getCapabilities().getDrop().contains("ALL"), where + " must drop ALL capabilities");
                var tmp = container.getVolumeMounts().stream().filter(v -> "/tmp".equals(v.getMountPath())).findFirst();
                assertTrue(tmp.isPresent(), where + ": a read-only root needs a writable /tmp (java.io.tmpdir)");
                Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.get().getName())).findFirst().orElseThrow();
                assertNotNull(volume.getEmptyDir(), where + ": /tmp must be an emptyDir");
            }
        }
        System.out.printf("DeploymentsTest[%s]: resources and security of %d containers checked%n", overlay, containers);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void availabilityObjectsTargetTheirDeployments(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (ServiceConfig service : Project.services()) {
            Deployment deployment = Workloads.deployment(m, service);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            PodDisruptionBudget pdb = m.get(PodDisruptionBudget.class, service.name());
            assertTrue(matches(pdb.getSpec().getSelector().getMatchLabels(), podLabels), overlay + ": PodDisruptionBudget "
                    + service.name() + " does not select its Deployment's pods");
            assertTrue(pdb.getSpec().getMinAvailable() == null, overlay + ": PodDisruptionBudget " + service.name()
                    + " should use maxUnavailable: minAvailable blocks drains of single-replica deployments");
            var hpa = m.find(HorizontalPodAutoscaler.class, service.name());
            if (AUTOSCALED.contains(service.name())) {
                assertTrue(hpa.isPresent(), overlay + ": " + service.name() + " needs a HorizontalPodAutoscaler");
                assertEquals("Deployment", hpa.get().getSpec().getScaleTargetRef().getKind());
                assertEquals(service.name(), hpa.get().getSpec().getScaleTargetRef().getName(), overlay + ": HPA " + service.name() + " target");
                assertTrue(hpa.get().getSpec().getMaxReplicas() >= hpa.get().getSpec().getMinReplicas(), overlay + ": HPA " + service.name() + " bounds");
                if (overlay.equals("prod")) {
                    assertTrue(hpa.get().getSpec().getMinReplicas() >= 2, "prod: HPA " + service.name() + " needs minReplicas >= 2");
                }
            } else {
                assertTrue(hpa.isEmpty(), overlay + ": " + service.name() + " scales with its topic partitions, not an HPA");
                if (overlay.equals("prod")) {
                    assertTrue(deployment.getSpec().getReplicas() >= 2, "prod: " + service.name() + " needs at least 2 replicas");
                }
            }
        }
        System.out.printf("DeploymentsTest[%s]: %d PodDisruptionBudgets and %d HorizontalPodAutoscalers checked%n", overlay,
                m.all(PodDisruptionBudget.class).size(), m.all(HorizontalPodAutoscaler.class).size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAllowOnlyWhatEachServiceNeeds(String overlay) {
        Manifests m = Manifests.of(overlay);
        String kafka = m.kafka().getMetadata().getName();
        int kafkaPort = m.kafka().getSpec().getKafka().getListeners().stream().filter(l -> "tls".equals(l.getName())).findFirst().orElseThrow().getPort();
        String postgres = m.postgres().getMetadata().getName();
        for (ServiceConfig service : Project.services()) {
            Deployment deployment = Workloads.deployment(m, service);
            Container container = Workloads.container(deployment, service);
            int port = Workloads.effectivePort(service, Workloads.environment(m, deployment, container));
            NetworkPolicy policy = m.get(NetworkPolicy.class, service.name());
            String where = overlay + ": NetworkPolicy " + service.name();
            assertTrue(matches(policy.getSpec().getPodSelector().getMatchLabels(), deployment.getSpec().getTemplate().getMetadata().getLabels()),
                    where + " does not select the service's pods");
            assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(policy.getSpec().getPolicyTypes()), where + " must govern Ingress and Egress");
            policy.getSpec().getIngress().forEach(rule -> {
                assertNotNull(rule.getFrom(), where + ": an ingress rule without 'from' admits everyone");
                assertFalse(rule.getFrom().isEmpty(), where + ": an ingress rule with empty 'from' admits everyone");
                assertTrue(rule.getPorts() != null && rule.getPorts().stream().allMatch(p -> portIs(p, port, container)),
                        where + ": ingress only to the service's port " + port);
            });
            boolean fromIngressController = policy.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                    .anyMatch(peer -> peer.getNamespaceSelector() != null && "ingress-nginx".equals(
                            peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
            assertEquals(PUBLIC.contains(service.name()), fromIngressController, where + ": admits the ingress controller iff the service has an Ingress");
            List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
            assertTrue(egress.stream().anyMatch(r -> hasPort(r, 53, "UDP")), where + " must allow DNS (UDP 53)");
            assertTrue(egress.stream().anyMatch(r -> hasPort(r, kafkaPort, "TCP") && r.getTo().stream().anyMatch(t -> t.getPodSelector() != null
                    && kafka.equals(t.getPodSelector().getMatchLabels().get("strimzi.io/cluster")))), where + " must allow Kafka " + kafka + " on " + kafkaPort);
            assertTrue(egress.stream().anyMatch(r -> hasPort(r, 5432, "TCP") && r.getTo().stream().anyMatch(t -> t.getPodSelector() != null
                    && postgres.equals(t.getPodSelector().getMatchLabels().get("cnpg.io/cluster")))), where + " must allow PostgreSQL " + postgres + " on 5432");
            for (NetworkPolicyEgressRule rule : egress) {
                assertTrue(rule.getTo() != null && !rule.getTo().isEmpty(), where + ": an egress rule without 'to' allows any destination");
                assertTrue(rule.getPorts() != null && rule.getPorts().stream().allMatch(p -> Set.of(53, kafkaPort, 5432).contains(p.getPort().getIntVal())),
                        where + ": egress only to DNS, Kafka and PostgreSQL");
            }
        }
        System.out.printf("DeploymentsTest[%s]: %d NetworkPolicies checked%n", overlay, m.all(NetworkPolicy.class).size());
    }

    static boolean portIs(NetworkPolicyPort p, int port, Container container) {
        return p.getPort() != null && Workloads.resolve(container, p.getPort(), "NetworkPolicy port") == port;
    }

    static boolean hasPort(NetworkPolicyEgressRule rule, int port, String protocol) {
        return rule.getPorts() != null && rule.getPorts().stream().anyMatch(p -> p.getPort() != null
                && Objects.equals(p.getPort().getIntVal(), port) && protocol.equals(p.getProtocol() == null ? "TCP" : p.getProtocol()));
    }
}
