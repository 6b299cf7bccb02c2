package io.chatpulse.topiccatalogue;

import java.util.function.BiFunction;

/**
 * A tenant document {@link LoadCommand} loads through its admin API: its name in messages, the API's
 * path, the list the API answers ({@code topics}, {@code checks}), the command's usage, and the
 * reader that turns a file's text into the body to send for a tenant, checked by the document's
 * rules (an {@link IllegalArgumentException} that names the field).
 */
public record LoadedDocument(String name, String path, String list, String usage,
                             BiFunction<String, String, Checked> reader) {

    /** A file checked: the body to send and what it holds, for the line printed. */
    public record Checked(Object body, String summary) {
    }
}
