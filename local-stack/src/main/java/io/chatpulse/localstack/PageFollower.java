package io.chatpulse.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines added to the demo channel's file since the last look (from the end of the file as it
 * was at start: pages of an earlier run are not news). A line is returned once it is complete.
 */
final class PageFollower {

    private final Path file;
    private long offset;

    PageFollower(Path file) {
        this.file = file;
        this.offset = size(file);
    }

    List<String> newLines() {
        if (size(file) < offset) {
            offset = 0; // the file was replaced
        }
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] added = new byte[(int) Math.min(1 << 20, in.length() - offset)];
            in.seek(offset);
            in.readFully(added);
            String text = new String(added, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end >= 0) {
                text.substring(0, end).lines().forEach(lines::add);
                offset += text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
            }
        } catch (IOException e) {
            // not there yet: no page so far
        }
        return lines;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
