package io.chatpulse.streamjobs.qa;

/**
 * What the QA checks need to know about the current stretch of a conversation (from its open or
 * latest reopen to its end): facts judged as each event comes, so no message text is kept. A Flink
 * POJO, part of the conversation's state; a {@code null} reference means "none yet".
 */
public class QaState {
    /** A human agent has been assigned in the stretch: only then is the stretch scored. */
    public boolean agentJoined;
    /** The last human agent assigned in the stretch. */
    public String agentId;
    /** The first agent message of the stretch and whether it contained a greeting phrase. */
    public MessageRef firstAgentMessage;
    public boolean greeted;
    /** The first agent message of the stretch with a forbidden phrase. */
    public MessageRef forbidden;
    /** The latest agent message of the stretch and whether it contained a closing phrase. */
    public MessageRef lastAgentMessage;
    public boolean closingPhrase;
    /** Replies in the stretch, and the first slower than the reply-time target. */
    public int replies;
    public MessageRef slowReply;
    /** Transfers in the stretch, and the first beyond the allowed number. */
    public int transfers;
    public MessageRef excessTransfer;
    /** A survey was offered in the stretch or right after its resolution. */
    public boolean surveyOffered;
    /** Null while the stretch goes on; then "resolved" or "abandoned", kept until the next (re)open. */
    public String ending;
    public long endedAt;
    public String endQueueId;
    public String creditedAgentId;
    /** 0 for the evaluation at the end, 1 for the one after a survey offered right after the resolution. */
    public int revision;

    public QaState() {
    }

    /** Starts a new stretch (at an open or reopen). */
    public void restart() {
        agentJoined = false;
        agentId = null;
        firstAgentMessage = null;
        greeted = false;
        forbidden = null;
        lastAgentMessage = null;
        closingPhrase = false;
        replies = 0;
        slowReply = null;
        transfers = 0;
        excessTransfer = null;
        surveyOffered = false;
        ending = null;
        endedAt = 0;
        endQueueId = null;
        creditedAgentId = null;
        revision = 0;
    }
}
