package io.chatpulse.streamjobs.forecast;

/** A duration as a supervisor reads it: "3m10s", "45s", "2 min" for whole minutes, "1h5m". */
public final class DurationWords {

    private DurationWords() {
    }

    public static String of(long ms) {
        long seconds = Math.round(ms / 1000.0);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? minutes + "m" : "") + (rest > 0 ? rest + "s" : "");
        }
        if (minutes > 0) {
            return rest == 0 ? minutes + " min" : minutes + "m" + rest + "s";
        }
        return rest + "s";
    }
}
