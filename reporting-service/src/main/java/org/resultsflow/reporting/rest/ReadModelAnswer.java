package org.resultsflow.reporting.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource whose GET answers depend on the read models alone (the request's path, query and Accept header
 * decide the rest): {@link CachedAnswers} may serve them from memory while the read models' generation holds.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadModelAnswer {
}
