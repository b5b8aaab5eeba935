package org.resultsflow.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assertions;

/** Reading a service's Deployment: its container, its effective environment, its ports. */
final class Workloads {

    private Workloads() {
    }

    static Deployment deployment(Manifests m, ServiceConfig service) {
        return m.get(Deployment.class, service.name());
    }

    static Container container(Deployment deployment, ServiceConfig service) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> service.name().equals(c.getName())).findFirst()
                .orElseGet(() -> Assertions.fail("Deployment " + service.name() + " has no container named " + service.name()));
    }

    /**
     * Every variable the container gets, with its value ("secret NAME/KEY" for Secret references); ConfigMaps named in
     * envFrom must be in the overlay.
     */
    static Map<String, String> environment(Manifests m, Deployment deployment, Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        if (container.getEnvFrom() != null) {
            for (EnvFromSource from : container.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    String name = from.getConfigMapRef().getName();
                    ConfigMap map = m.find(ConfigMap.class, name).orElseGet(() -> Assertions.fail(
                            m.overlay + ": Deployment " + deployment.getMetadata().getName()
                                    + " takes its environment from ConfigMap " + name + ", which the overlay does not contain"));
                    if (map.getData() != null) {
                        map.getData().forEach((k, v) -> env.put(k, v));
                    }
                } else if (from.getSecretRef() != null) {
                    Assertions.fail(m.overlay + ": Deployment " + deployment.getMetadata().getName()
                            + " takes a whole Secret as environment (envFrom " + from.getSecretRef().getName()
                            + "): name each variable so it can be checked against the service's keys");
                }
            }
        }
        if (container.getEnv() != null) {
            for (EnvVar var : container.getEnv()) {
                String value = var.getValue();
                if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                    value = "secret " + var.getValueFrom().getSecretKeyRef().getName() + "/"
                            + var.getValueFrom().getSecretKeyRef().getKey();
                } else if (var.getValueFrom() != null && var.getValueFrom().getConfigMapKeyRef() != null) {
                    value = "configmap " + var.getValueFrom().getConfigMapKeyRef().getName() + "/"
                            + var.getValueFrom().getConfigMapKeyRef().getKey();
                }
                env.put(var.getName(), value);
            }
        }
        return env;
    }

    /** The port the service listens on in this Deployment: QUARKUS_HTTP_PORT if set, else quarkus.http.port. */
    static int effectivePort(ServiceConfig service, Map<String, String> env) {
        String set = env.get("QUARKUS_HTTP_PORT");
        return set != null ? Integer.parseInt(set.trim()) : service.httpPort();
    }

    /** A probe's or Service's port, by number or by the container port's name. */
    static int resolve(Container container, IntOrString port, String what) {
        Assertions.assertNotNull(port, what + " has no port");
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseGet(() -> Assertions.fail(what + " names port '" + port.getStrVal()
                        + "', which container " + container.getName() + " does not declare"));
    }
}
