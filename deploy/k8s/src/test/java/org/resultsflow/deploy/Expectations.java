package org.resultsflow.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the deployment must provide beyond what the services' files say today, each with its reason. Everything
 * else the tests derive from the services' own application.properties and pom.xml.
 */
final class Expectations {

    private Expectations() {
    }

    /**
     * Channels colleagues are adding in parallel (the deployment includes them now). Once a channel appears in
     * its application.properties it is taken from there and its entry here is inert; delete it then.
     */
    private static final Map<String, List<ServiceConfig.Channel>> PENDING_INCOMING = Map.of(
            "catalog-service", List.of(
                    new ServiceConfig.Channel("indicators", "results.indicators", "catalog-service"),
                    new ServiceConfig.Channel("budgets", "results.budgets", "catalog-service")));

    private static final Map<String, List<ServiceConfig.Channel>> PENDING_OUTGOING = Map.of();

    static List<ServiceConfig.Channel> pendingIncoming(String service) {
        return PENDING_INCOMING.getOrDefault(service, List.of());
    }

    static List<ServiceConfig.Channel> pendingOutgoing(String service) {
        return PENDING_OUTGOING.getOrDefault(service, List.of());
    }

    /** Pending channels already in the service's properties: time to delete them here. */
    static List<String> pendingNowDeclared(ServiceConfig service) {
        return java.util.stream.Stream.concat(
                        pendingIncoming(service.name()).stream().filter(c -> service.incomingDeclared().containsKey(c.name())),
                        pendingOutgoing(service.name()).stream().filter(c -> service.outgoingDeclared().containsKey(c.name())))
                .map(ServiceConfig.Channel::name).toList();
    }

    /** A consumer group by prefix, for consumers outside the channels. */
    record GroupPrefix(String prefix, String reason) {
    }

    static final Map<String, List<GroupPrefix>> GROUP_PREFIXES = Map.of(
            "reporting-service", List.of(new GroupPrefix("reporting-service-rebuild",
                    "the admin rebuild re-reads catalog.changes from the beginning with assign() under group ids with this prefix")));

    /**
     * Services that verify bearer tokens (MP JWT): those with quarkus-smallrye-jwt in their pom, and those getting
     * it now. reporting-service: its admin "rebuild" operation takes role 'admin' (being added in parallel).
     */
    static final Set<String> PENDING_JWT = Set.of("reporting-service");

    static boolean verifiesJwt(ServiceConfig service) {
        return service.hasExtension("quarkus-smallrye-jwt") || PENDING_JWT.contains(service.name());
    }
}
