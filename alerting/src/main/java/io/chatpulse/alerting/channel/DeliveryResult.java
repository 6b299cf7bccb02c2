package io.chatpulse.alerting.channel;

/** The outcome of one attempt: delivered, worth retrying (429, 5xx, no connection), or rejected for good. */
public record DeliveryResult(Kind kind, Integer statusCode, String error) {

    public enum Kind {
        DELIVERED, RETRYABLE, REJECTED
    }

    public static DeliveryResult delivered(Integer statusCode) {
        return new DeliveryResult(Kind.DELIVERED, statusCode, null);
    }

    public static DeliveryResult retryable(Integer statusCode, String error) {
        return new DeliveryResult(Kind.RETRYABLE, statusCode, error);
    }

    public static DeliveryResult rejected(Integer statusCode, String error) {
        return new DeliveryResult(Kind.REJECTED, statusCode, error);
    }

    /** HTTP: 2xx delivered; 429 and 5xx retried (the receiver may recover); any other status is final. */
    public static DeliveryResult ofHttpStatus(int status, String body) {
        if (status >= 200 && status < 300) {
            return delivered(status);
        }
        String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        return status == 429 || status >= 500 ? retryable(status, error) : rejected(status, error);
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
