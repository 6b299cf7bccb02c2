package io.chatpulse.http.problem;

/** The JSON of a problem without a JSON library: Tomcat's valve runs outside Spring's message converters. */
final class ProblemJson {

    private ProblemJson() {
    }

    static String of(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":" + quoted(title) + ",\"status\":" + status
                + ",\"detail\":" + quoted(detail) + "}";
    }

    static String quoted(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
