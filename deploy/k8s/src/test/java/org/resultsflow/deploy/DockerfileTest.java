package org.resultsflow.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each service's Dockerfile.jvm: fast-jar layout, non-root, health check and port of the service. */
class DockerfileTest {

    @Test
    void everyServiceImageIsFastJarNonRootAndChecksItsOwnPort() {
        for (ServiceConfig service : Project.services()) {
            Path file = service.dir().resolve("src/main/docker/Dockerfile.jvm");
            String where = service.name() + "/src/main/docker/Dockerfile.jvm";
            assertTrue(Files.isRegularFile(file), where + " is missing");
            String text = Project.read(file);
            for (String part : new String[] {"target/quarkus-app/lib/ /deployments/lib/", "target/quarkus-app/*.jar /deployments/",
                    "target/quarkus-app/app/ /deployments/app/", "target/quarkus-app/quarkus/ /deployments/quarkus/"}) {
                assertTrue(text.contains(part), where + " must copy the fast-jar part " + part);
            }
            assertTrue(text.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), where + " must run quarkus-run.jar");
            assertTrue(text.lines().anyMatch(l -> l.trim().equals("USER 185")), where + " must run as uid 185");
            assertTrue(text.lines().anyMatch(l -> l.trim().equals("EXPOSE " + service.httpPort())), where + " must EXPOSE " + service.httpPort());
            assertTrue(text.contains("HEALTHCHECK") && text.contains("/q/health/live"), where + " needs a HEALTHCHECK on /q/health/live");
            assertTrue(text.contains("${QUARKUS_HTTP_PORT:-" + service.httpPort() + "}"), where
                    + ": the HEALTHCHECK must probe QUARKUS_HTTP_PORT, defaulting to " + service.httpPort());
            assertTrue(text.contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:"), where + " must build on ubi9 openjdk-17-runtime");
            assertTrue(text.contains("ENV JAVA_MAX_MEM_RATIO=50"), where + ": the heap takes half of the container's memory limit");
            // The JVM of the local launcher, whose peak RSS the benchmark measures against the container's limit.
            assertTrue(text.contains("ENV GC_CONTAINER_OPTIONS=\"-XX:+UseSerialGC\""), where + ": the serial collector");
            assertTrue(text.lines().anyMatch(l -> l.startsWith("ENV JAVA_OPTS_APPEND=") && l.contains("-XX:TieredStopAtLevel=1")
                    && l.contains("-Xss512k")), where + ": C1 only and 512k thread stacks, as LocalStack.serviceJvm");
        }
        System.out.printf("DockerfileTest: %d Dockerfiles checked%n", Project.SERVICES.size());
    }
}
