package io.chatpulse.localstack.clickhouse;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Path;

/** The part of chDB's C API (chdb.h) the embedded server uses. */
interface Chdb extends Library {

    static Chdb load(Path library) {
        return Native.load(library.toString(), Chdb.class);
    }

    /** Must come first: otherwise chDB replaces the JVM's signal handlers. */
    void chdb_set_signal_handlers_enabled(int enabled);

    /** Runs clickhouse-local with these arguments; returns when its queries end. */
    Pointer chdb_query_cmdline(int argc, String[] argv);

    String chdb_result_error(Pointer result);

    void chdb_destroy_query_result(Pointer result);

    void chdb_shutdown();
}
