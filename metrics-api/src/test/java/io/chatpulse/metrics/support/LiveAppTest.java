package io.chatpulse.metrics.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The app on a random port with the supervisor keys of the tenants of {@link LiveFixtures} (northwind,
 * initech, umbrella, contoso) and the live settings those rows are written for.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatpulse.security.api-keys.nw-sup.tenant=northwind",
        "chatpulse.security.api-keys.nw-sup.role=supervisor",
        "chatpulse.security.api-keys.nw-mgr.tenant=northwind",
        "chatpulse.security.api-keys.nw-mgr.role=manager",
        "chatpulse.security.api-keys.in-sup.tenant=initech",
        "chatpulse.security.api-keys.in-sup.role=supervisor",
        "chatpulse.security.api-keys.um-sup.tenant=umbrella",
        "chatpulse.security.api-keys.um-sup.role=supervisor",
        "chatpulse.security.api-keys.co-sup.tenant=contoso",
        "chatpulse.security.api-keys.co-sup.role=supervisor",
        "chatpulse.live.queue-timezones.northwind.sales=Europe/Berlin",
        // The fixture rows are written once per JVM; they must not turn stale while the tests run.
        "chatpulse.live.stale-after=10m"})
public @interface LiveAppTest {
}
