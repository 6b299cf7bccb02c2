package io.chatpulse.alerting.owner;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API method that answers from the caller's tenant's part of a store: on an instance that
 * does not hold it, {@link OwnerForwarding} passes the request to the one that does.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsTenantStore {

    /** The store's name. */
    String value();
}
