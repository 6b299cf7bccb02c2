package io.chatpulse.alerting.alert;

/** The outcome of reading one record of a contract topic: an event, or the reason it is none. */
public record Decoded<T>(T event, byte[] raw, String failure) {

    static <T> Decoded<T> readable(T event, byte[] raw) {
        return new Decoded<>(event, raw, null);
    }

    static <T> Decoded<T> unreadable(byte[] raw, String reason) {
        return new Decoded<>(null, raw, reason);
    }

    public boolean isReadable() {
        return event != null;
    }
}
