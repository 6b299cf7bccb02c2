package io.chatpulse.chatcore.conversation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ConversationConfig {

    @Bean
    WaitTickets waitTickets() {
        return new WaitTickets();
    }

    @Bean
    ConversationLifecycle conversationLifecycle(WaitTickets waitTickets) {
        return new ConversationLifecycle(waitTickets);
    }
}
