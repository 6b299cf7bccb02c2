package io.chatpulse.streamjobs.topic;

/** The topics a conversation's customer messages have named so far, first named first. A Flink POJO. */
public class TopicState {

    /** Element 0, once there is one, is the contact reason. */
    public String[] named = new String[0];

    public TopicState() {
    }
}
