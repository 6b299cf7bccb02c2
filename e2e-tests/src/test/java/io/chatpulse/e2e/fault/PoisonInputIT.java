package io.chatpulse.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.Topics;
import io.chatpulse.localstack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, poison input: records that are not conversation events are written straight onto the
 * conversation topic, on the partition of a live conversation, ahead of its next events. Each must
 * end on the dead-letter topic unchanged with the reason, and the jobs must carry on without a
 * restart: the conversation's figures still appear.
 */
class PoisonInputIT {

    /** Avro single-object encoding starts with these two bytes, then the schema's 8-byte fingerprint. */
    private static final byte[] SINGLE_OBJECT_MAGIC = {(byte) 0xC3, 0x01};
    private static final int OVERSIZED_BYTES = 900 * 1024;
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() {
        stack = FaultStack.start("poison");
    }

    @AfterAll
    static void stopTheSystem() {
        FaultStack.stop(stack);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheJobsCarryOn() throws Exception {
        FlinkJobs jobs = new FlinkJobs(stack.jobRestPorts());
        // Flink lists a job's restart count a moment after the job runs.
        Map<String, FlinkJobs.JobState> before = Poll.until("the jobs' restart counts", Duration.ofSeconds(60),
                () -> jobs.states().values().stream().allMatch(j -> j.restarts() >= 0) ? jobs.states() : null);
        assertThat(before).as("jobs before the poison").hasSize(2).allSatisfy((name, job) -> assertThat(job.state()).isEqualTo("RUNNING"));

        ChatCoreScript chat = new ChatCoreScript(FaultStack.chatCore(stack), stack.settings().apiKey());
        String conversation = chat.open("support");
        Map<String, byte[]> values = poisonValues(new Random(8));
        Map<String, RecordMetadata> poison = producePoison(conversation, values);
        chat.answer(conversation, "agent-after-poison");

        Figures figures = new Figures(stack);
        // opened, customer message, agent message, resolved, survey offered: the job read past the poison.
        Poll.until("figures of the conversation after the poison", Duration.ofMinutes(2),
                () -> figures.activityOf(conversation) >= 5 ? true : null);
        assertEachOnTheDeadLetterTopicWithItsReason(poison, values);
        assertThat(jobs.states()).as("jobs after the poison: the same jobs, running, not restarted")
                .isEqualTo(before);
    }

    /** Values that are not conversation events, by what is wrong with them; a fixed seed for reruns. */
    private static Map<String, byte[]> poisonValues(Random random) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        byte[] noise = bytes(random, 300);
        noise[0] = 0x17;
        values.put("random bytes", noise);
        byte[] unknownSchema = bytes(random, 120);
        System.arraycopy(SINGLE_OBJECT_MAGIC, 0, unknownSchema, 0, 2);
        values.put("single-object header with an unknown fingerprint", unknownSchema);
        values.put("oversized junk", bytes(random, OVERSIZED_BYTES));
        values.put("empty value", new byte[0]);
        values.put("text", "{\"eventId\":\"not avro\"}".getBytes(StandardCharsets.UTF_8));
        return values;
    }

    private static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Keyed by the conversation, so they sit on its partition ahead of its next events. */
    private static Map<String, RecordMetadata> producePoison(String conversation, Map<String, byte[]> values)
            throws Exception {
        Map<String, RecordMetadata> written = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.settings().kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> value : values.entrySet()) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.CONVERSATION_EVENTS,
                        conversation.getBytes(StandardCharsets.UTF_8), value.getValue());
                record.headers().add("poison", value.getKey().getBytes(StandardCharsets.UTF_8));
                written.put(value.getKey(), producer.send(record).get());
            }
        }
        return written;
    }

    private static void assertEachOnTheDeadLetterTopicWithItsReason(Map<String, RecordMetadata> poison,
                                                                    Map<String, byte[]> values) {
        Map<String, ConsumerRecord<byte[], byte[]>> dead = Poll.until("every poison record dead-lettered",
                Duration.ofMinutes(1), () -> deadLetters(poison));
        dead.forEach((what, letter) -> {
            String reason = header(letter, Topics.HEADER_DLQ_REASON);
            System.out.printf("dead letter of %s: %s%n", what, reason);
            assertThat(reason).as("reason of %s", what).isNotBlank();
            assertThat(header(letter, Topics.HEADER_DLQ_SOURCE_TOPIC)).isEqualTo(Topics.CONVERSATION_EVENTS);
            assertThat(header(letter, "poison")).as("original headers kept").isEqualTo(what);
            assertThat(Arrays.equals(letter.value(), values.get(what))).as("%s kept byte for byte", what).isTrue();
        });
    }

    /** The dead letter of each poison record by its source offset, or null while one is missing. */
    private static Map<String, ConsumerRecord<byte[], byte[]>> deadLetters(Map<String, RecordMetadata> poison) {
        List<ConsumerRecord<byte[], byte[]>> letters = TopicRecords.readAll(stack.settings().kafkaBootstrap(), Topics.DEAD_LETTER);
        Map<String, ConsumerRecord<byte[], byte[]>> found = new LinkedHashMap<>();
        poison.forEach((what, source) -> letters.stream()
                .filter(l -> String.valueOf(source.partition()).equals(header(l, Topics.HEADER_DLQ_SOURCE_PARTITION))
                        && String.valueOf(source.offset()).equals(header(l, Topics.HEADER_DLQ_SOURCE_OFFSET)))
                .findFirst().ifPresent(l -> found.put(what, l)));
        return found.size() == poison.size() ? found : null;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
