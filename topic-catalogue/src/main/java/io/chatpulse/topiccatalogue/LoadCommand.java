package io.chatpulse.topiccatalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./chatpulse topics load FILE --tenant T} (and {@code qa load}, the same for the QA
 * scorecard): checks a tenant's file by the rules of the KPI job and the admin API, then saves it
 * through the admin API as the tenant's next version (the API is the document topic's one writer:
 * decisions 38 and 41). Exit 0 saved (or valid, with {@code --check}), 1 the API refused or
 * failed, 2 the file or the arguments are wrong.
 */
public final class LoadCommand {

    /** The options of every document's loader, the end of its usage. */
    public static final String OPTIONS = """
              --tenant TENANT  the tenant the file is for; the key must belong to it
              --api URL        metrics-api (default http://127.0.0.1:8081)
              --key KEY        an admin API key of the tenant (default $CHATPULSE_API_KEY, else demo-key)
              --check          only check the file
            """;
    static final String USAGE = """
            Usage: ./chatpulse topics load FILE --tenant TENANT [--api URL] [--key KEY] [--check]

            Saves FILE as TENANT's topic catalogue, its next version, through the admin API of
            metrics-api (role admin). FILE is {"topics": [...]} (the API's body) or the KPI job's
            file of every tenant ({"acme": [...]}: TENANT's list is taken). It is checked first by the
            catalogue rules (docs/kpi-topics.md): a fault is printed with its field and nothing is sent.

            """ + OPTIONS;
    /** The topic catalogue, from {"topics": [...]} or the KPI job's file. */
    public static final LoadedDocument CATALOGUE = new LoadedDocument("catalogue", "/api/v1/admin/topic-catalogue",
            "topics", USAGE, (text, tenant) -> {
                List<CatalogueFile.Entry> topics = CatalogueFile.read(text, tenant, CatalogueLimits.DEFAULTS);
                int phrases = topics.stream().mapToInt(t -> t.phrases().size() + t.patterns().size()).sum();
                return new LoadedDocument.Checked(Map.of("topics", topics), topics.size() + " topics, " + phrases
                        + " phrases and patterns");
            });
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final PrintStream out;
    private final LoadedDocument document;

    /** The topic catalogue's loader. */
    public LoadCommand(PrintStream out) {
        this(out, CATALOGUE);
    }

    public LoadCommand(PrintStream out, LoadedDocument document) {
        this.out = out;
        this.document = document;
    }

    public static void main(String[] args) {
        System.exit(new LoadCommand(System.out).run(List.of(args), System.getenv()));
    }

    /** Runs the command; answers the exit status. */
    public int run(List<String> args, Map<String, String> env) {
        Options options;
        try {
            options = Options.parse(args, env, document.path());
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(document.usage());
            return 2;
        }
        if (options == null) {
            out.print(document.usage());
            return 0;
        }
        LoadedDocument.Checked checked;
        try {
            checked = document.reader().apply(Files.readString(options.file()), options.tenant());
        } catch (IOException e) {
            out.println("cannot read " + options.file() + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            out.println(options.file() + ": " + e.getMessage());
            return 2;
        }
        out.println(options.file() + ": " + checked.summary() + ", valid");
        return options.checkOnly() ? 0 : save(options, checked.body());
    }

    private int save(Options options, Object body) {
        try {
            HttpResponse<String> current = send(options, HttpRequest.newBuilder(options.url()).GET());
            if (current.statusCode() != 200) {
                return refused("read the " + document.name(), current);
            }
            String owner = JSON.readTree(current.body()).path("tenantId").asText();
            if (!owner.equals(options.tenant())) {
                out.println("the key belongs to tenant '" + owner + "', not '" + options.tenant() + "': nothing sent");
                return 2;
            }
            String version = current.headers().firstValue("ETag").orElse("\"0\"");
            HttpResponse<String> saved = send(options, HttpRequest.newBuilder(options.url())
                    .header("Content-Type", "application/json")
                    .header("If-Match", version)
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
            if (saved.statusCode() != 200) {
                return refused("save the " + document.name(), saved);
            }
            JsonNode answer = JSON.readTree(saved.body());
            out.println("tenant " + options.tenant() + ": version " + answer.path("version").asLong() + " saved, "
                    + answer.path(document.list()).size() + " " + document.list());
            return 0;
        } catch (IOException e) {
            // A refused connection has no message of its own: its type says it.
            out.println("cannot reach " + options.url() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private HttpResponse<String> send(Options options, HttpRequest.Builder request) throws IOException,
            InterruptedException {
        return http.send(request.header("X-Api-Key", options.key()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int refused(String what, HttpResponse<String> response) {
        out.println("could not " + what + ": HTTP " + response.statusCode() + " " + response.body());
        return 1;
    }

    /** The command line; null: help asked. */
    record Options(Path file, String tenant, URI url, String key, boolean checkOnly) {

        static Options parse(List<String> args, Map<String, String> env, String path) {
            List<String> positional = new ArrayList<>();
            String tenant = null;
            String api = "http://127.0.0.1:8081";
            String key = env.getOrDefault("CHATPULSE_API_KEY", "demo-key");
            boolean check = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--tenant" -> tenant = value(args, ++i, arg);
                    case "--api" -> api = value(args, ++i, arg);
                    case "--key" -> key = value(args, ++i, arg);
                    case "--check" -> check = true;
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        positional.add(arg);
                    }
                }
            }
            if (positional.size() != 1) {
                throw new IllegalArgumentException("one FILE, not " + positional.size());
            }
            if (tenant == null || tenant.isBlank()) {
                throw new IllegalArgumentException("--tenant is required");
            }
            return new Options(Path.of(positional.get(0)), tenant, URI.create(api.replaceAll("/+$", "") + path), key,
                    check);
        }

        private static String value(List<String> args, int at, String option) {
            if (at >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(at);
        }
    }
}
