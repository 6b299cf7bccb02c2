package io.chatpulse.alerting.owner;

import io.chatpulse.alerting.ApiProblem;
import io.chatpulse.alerting.tenancy.Tenant;
import io.chatpulse.security.ApiKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Passes a request marked {@link ReadsTenantStore} to the instance that holds the caller's tenant,
 * and its answer back, so that any instance behind a load balancer answers the same. Forwarded
 * once at most: an instance that gets a forwarded request it does not own (the partitions moved
 * meanwhile) answers 503, and the caller retries.
 */
@Component
public class OwnerForwarding implements HandlerInterceptor {

    /** On a forwarded request: the instance that forwarded it. */
    public static final String FORWARDED_BY = "X-Chatpulse-Forwarded-By";
    /** On every answer of a marked request: the instance whose store answered it. */
    public static final String SERVED_BY = "X-Chatpulse-Served-By";
    private static final List<String> PASSED_HEADERS = List.of(ApiKey.HEADER, "Content-Type", "Accept");
    private static final Logger log = LoggerFactory.getLogger(OwnerForwarding.class);

    private final StoreOwners owners;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public OwnerForwarding(StoreOwners owners) {
        this.owners = owners;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        ReadsTenantStore reads = handler instanceof HandlerMethod method ? method.getMethodAnnotation(ReadsTenantStore.class) : null;
        if (reads == null) {
            return true;
        }
        String tenant = Tenant.of(request).id();
        StoreOwners.Owner owner = owners.ownerOf(reads.value(), tenant);
        if (owner instanceof StoreOwners.Owner.Local) {
            response.setHeader(SERVED_BY, address(owners.self()));
            return true;
        }
        if (owner instanceof StoreOwners.Owner.Remote remote && request.getHeader(FORWARDED_BY) == null) {
            forward(request, response, remote.host(), tenant);
            return false;
        }
        throw ApiProblem.notReady();
    }

    private void forward(HttpServletRequest request, HttpServletResponse response, HostInfo owner, String tenant)
            throws IOException {
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(target(request, owner))
                .timeout(Duration.ofSeconds(10))
                .header(FORWARDED_BY, address(owners.self()))
                .method(request.getMethod(), HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes()));
        for (String name : PASSED_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                forwarded.header(name, value);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("tenant {}: the instance holding its alerts, {}, did not answer {} {}: {}",
                    tenant, address(owner), request.getMethod(), request.getRequestURI(), e.toString());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, null,
                    "the instance holding this tenant's alerts did not answer; retry shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.notReady();
        }
        response.setStatus(answer.statusCode());
        answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
        answer.headers().firstValue(SERVED_BY).ifPresent(servedBy -> response.setHeader(SERVED_BY, servedBy));
        response.getOutputStream().write(answer.body());
    }

    private static URI target(HttpServletRequest request, HostInfo owner) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        return URI.create("http://" + address(owner) + request.getRequestURI() + query);
    }

    private static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
