package io.chatpulse.chatcore;

import static io.chatpulse.chatcore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.agent.AgentRepository;
import io.chatpulse.chatcore.conversation.ConversationRepository;
import io.chatpulse.chatcore.support.Api;
import io.chatpulse.chatcore.support.TestBrokers;
import io.chatpulse.localstack.kafka.KafkaBroker;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * chat-core scaled by tenant: two instances on one broker, each owning one tenant. Each serves its
 * own tenant, answers the other's requests 421 naming the tenant and where it is served, and after a
 * restart rebuilds only its own tenant's conversations and agents from the shared topics.
 */
class TenantOwnershipIT {

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBrokers.start("ownership");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void eachInstanceServesItsOwnTenantsAndSendsTheOthersWhereTheyAreServed() {
        String demoConversation;
        try (ConfigurableApplicationContext first = start("a", "demo", "acme", "http://chat-core-b:8080");
             ConfigurableApplicationContext second = start("b", "acme", "demo", "http://chat-core-a:8080")) {
            demoConversation = open(api(first, "demo-key"));
            String acmeConversation = open(api(second, "acme-key"));
            agentOnline(api(first, "demo-key"));
            agentOnline(api(second, "acme-key"));

            Api.Response misdirected = api(first, "acme-key").get("/api/v1/conversations/" + acmeConversation);
            assertThat(misdirected.status()).isEqualTo(421);
            assertThat(misdirected.contentType()).startsWith("application/problem+json");
            assertThat(misdirected.json().get("type").asString()).isEqualTo("urn:chatpulse:problem:misdirected-request");
            assertThat(misdirected.json().get("tenant").asString()).isEqualTo("acme");
            assertThat(misdirected.json().get("servedAt").asString()).isEqualTo("http://chat-core-b:8080");
            assertThat(misdirected.json().get("detail").asString())
                    .isEqualTo("X-Api-Key: tenant acme is not served by this chat-core instance;"
                            + " it is served at http://chat-core-b:8080");
            assertThat(api(second, "demo-key").post("/api/v1/conversations",
                    json("queueId", "support", "channel", "WEB", "customerId", "c")).status()).isEqualTo(421);
            assertThat(api(second, "acme-key").get("/api/v1/conversations/" + acmeConversation).status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext restarted = start("a", "demo", "acme", "http://chat-core-b:8080")) {
            assertThat(restarted.getBean(ConversationRepository.class).tenants())
                    .as("tenants rebuilt from the shared topic").containsExactly("demo");
            assertThat(restarted.getBean(AgentRepository.class).all("acme")).as("the other instance's agents").isEmpty();
            assertThat(restarted.getBean(AgentRepository.class).all("demo")).hasSize(1);
            assertThat(api(restarted, "demo-key").get("/api/v1/conversations/" + demoConversation).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void withoutOwnedTenantsAnInstanceServesEveryTenant() {
        try (ConfigurableApplicationContext all = new SpringApplicationBuilder(ChatCoreApplication.class)
                .run(args("all").toArray(String[]::new))) {
            assertThat(api(all, "demo-key").get("/api/v1/queues").status()).isEqualTo(200);
            assertThat(api(all, "acme-key").get("/api/v1/queues").status()).isEqualTo(200);
        }
    }

    /** An instance owning one tenant, told where the other is served; its own transaction id prefix. */
    private static ConfigurableApplicationContext start(String instance, String owned, String other, String otherUrl) {
        List<String> args = new java.util.ArrayList<>(args(instance));
        args.add("--chatpulse.tenancy.owned-tenants=" + owned);
        args.add("--chatpulse.tenancy.served-at." + other + "=" + otherUrl);
        return new SpringApplicationBuilder(ChatCoreApplication.class).run(args.toArray(String[]::new));
    }

    private static List<String> args(String instance) {
        return List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--chatpulse.events.transaction-id-prefix=chat-core-" + instance + "-",
                "--chatpulse.security.api-keys.demo-key=demo", "--chatpulse.security.api-keys.acme-key=acme");
    }

    private static Api api(ConfigurableApplicationContext context, String key) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), key);
    }

    private static String open(Api api) {
        Api.Response opened = api.post("/api/v1/conversations",
                json("queueId", "support", "channel", "WEB", "customerId", "c"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return opened.json().get("conversationId").asString();
    }

    private static void agentOnline(Api api) {
        Api.Response status = api.put("/api/v1/agents/ann/status", json("status", "ONLINE", "capacity", 5));
        assertThat(status.status()).as(status.text()).isEqualTo(200);
    }
}
