package io.chatpulse.metrics.api;

import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.security.ApiKey;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html), generated from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static {
        // The tenant comes from the API key, never from a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
    }

    @Bean
    OpenAPI chatpulseOpenApi() {
        return new OpenAPI()
                .info(new Info().title("chatpulse metrics-api").version("v1").description("""
                        KPIs of customer-service chat, per tenant. Every request carries an API key in the \
                        X-Api-Key header; the key names the tenant (every figure is that tenant's only) and a \
                        role: supervisor reads live figures and history, manager also exports, admin also \
                        manages alerts and silences. Errors are RFC 9457 problem details naming the parameter \
                        and the reason (401 no or unknown key, 403 role too low, 400 bad parameter, 404 unknown \
                        conversation). Periods are half-open [from, to) of ISO-8601 instants, at most 400 days; \
                        timezone is an IANA name (default UTC). A queue or agent with no rows is not an error: \
                        the answer is empty. The channel filter reads table conversation_channels, which stream-jobs \
                        does not fill yet: until it does, a channel filter matches nothing."""))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKey.HEADER)))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
