package io.chatpulse.alerting.channel;

/** The kinds of receiver a channel can be. */
public enum ChannelType {
    /** Generic JSON webhook. */
    WEBHOOK,
    /** Slack-compatible incoming webhook (text and blocks). */
    SLACK,
    /** PagerDuty Events API v2. */
    PAGERDUTY,
    /** E-mail over SMTP (spring.mail.*). */
    EMAIL,
    /** One line per notification appended to a file: the embedded stack's demo channel, which `up` shows. */
    LOG
}
