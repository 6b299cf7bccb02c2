package io.chatpulse.chatcore.conversation;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drops resolved and abandoned conversations after their retention, so memory does not grow forever. */
@Component
class ConversationRetention {

    private static final Logger log = LoggerFactory.getLogger(ConversationRetention.class);

    private final ConversationRepository repository;
    private final ConversationProperties properties;
    private final Clock clock;

    ConversationRetention(ConversationRepository repository, ConversationProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chatpulse.conversation.retention-check-interval:1m}")
    void forgetExpired() {
        int forgotten = repository.forgetClosedBefore(clock.instant().minus(properties.retention()));
        if (forgotten > 0) {
            log.info("forgot {} conversations closed more than {} ago", forgotten, properties.retention());
        }
    }
}
