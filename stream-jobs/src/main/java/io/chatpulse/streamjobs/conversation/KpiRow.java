package io.chatpulse.streamjobs.conversation;

import io.chatpulse.streamjobs.qa.QaCheckResult;
import io.chatpulse.streamjobs.qa.QaScore;
import io.chatpulse.streamjobs.topic.ConversationTopic;
import io.chatpulse.streamjobs.topic.MessageTopic;

/**
 * One completed figure on its way to its table; exactly one field is set. The KPI job's figures
 * travel as one stream of these into one sink ({@link KpiTables#ROUTES}), which inserts its tables
 * side by side. A Flink POJO.
 */
public class KpiRow {
    public QueueWait queueWait;
    public FirstResponse firstResponse;
    public ReplyTime replyTime;
    public Resolution resolution;
    public HandleTime handleTime;
    public CsatRating csat;
    public Activity activity;
    public ConversationChannel channel;
    public MessageTopic messageTopic;
    public ConversationTopic conversationTopic;
    public QaScore qaScore;
    public QaCheckResult qaCheck;

    public KpiRow() {
    }

    /** The row of one figure (a {@link QueueWait}, {@link FirstResponse}, ... or {@link ConversationChannel}). */
    public static KpiRow of(Object figure) {
        KpiRow row = new KpiRow();
        if (figure instanceof QueueWait f) {
            row.queueWait = f;
        } else if (figure instanceof FirstResponse f) {
            row.firstResponse = f;
        } else if (figure instanceof ReplyTime f) {
            row.replyTime = f;
        } else if (figure instanceof Resolution f) {
            row.resolution = f;
        } else if (figure instanceof HandleTime f) {
            row.handleTime = f;
        } else if (figure instanceof CsatRating f) {
            row.csat = f;
        } else if (figure instanceof Activity f) {
            row.activity = f;
        } else if (figure instanceof ConversationChannel f) {
            row.channel = f;
        } else if (figure instanceof MessageTopic f) {
            row.messageTopic = f;
        } else if (figure instanceof ConversationTopic f) {
            row.conversationTopic = f;
        } else if (figure instanceof QaScore f) {
            row.qaScore = f;
        } else if (figure instanceof QaCheckResult f) {
            row.qaCheck = f;
        } else {
            throw new IllegalArgumentException("not a KPI figure: " + figure);
        }
        return row;
    }

    /** The one figure this row carries. */
    public Object figure() {
        for (Object figure : new Object[] {queueWait, firstResponse, replyTime, resolution, handleTime, csat,
                activity, channel, messageTopic, conversationTopic, qaScore, qaCheck}) {
            if (figure != null) {
                return figure;
            }
        }
        throw new IllegalStateException("a KPI row without a figure");
    }
}
