package org.resultsflow.deploy;

import java.util.List;
import java.util.Map;

/**
 * What the deployment must provide beyond what the services' files say today, each with its reason. Everything
 * else the tests derive from the services' own application.properties and pom.xml.
 */
final class Expectations {

    private Expectations() {
    }

    /** A consumer group by prefix, for consumers outside the channels. */
    record GroupPrefix(String prefix, String reason) {
    }

    static final Map<String, List<GroupPrefix>> GROUP_PREFIXES = Map.of(
            "reporting-service", List.of(new GroupPrefix("reporting-service-rebuild",
                    "the admin rebuild re-reads catalog.changes from the beginning with assign() under group ids with this prefix")));

    /** Services that verify bearer tokens (MP JWT): those with quarkus-smallrye-jwt in their pom. */
    static boolean verifiesJwt(ServiceConfig service) {
        return service.hasExtension("quarkus-smallrye-jwt");
    }
}
