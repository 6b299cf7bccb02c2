package io.chatpulse.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A bar chart as a PNG, drawn headless with java.awt: one bar per figure, its value above it, and a
 * dashed red line at the target, so that a reader sees at a glance how far a figure is from it.
 */
final class BarChart {

    record Bar(String label, double value) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 50;
    private static final int GRID_LINES = 5;
    private static final Color BAR = new Color(70, 110, 170);
    private static final Color TARGET = new Color(200, 30, 30);

    private final String title;
    private final String unit;
    private final List<Bar> bars;
    private final double target;

    BarChart(String title, String unit, List<Bar> bars, double target) {
        this.title = title;
        this.unit = unit;
        this.bars = List.copyOf(bars);
        this.target = target;
    }

    void write(Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, LEFT, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            double highest = 1.1 * Math.max(target, bars.stream().mapToDouble(Bar::value).max().orElse(0));
            double step = gridStep(highest);
            double top = step * Math.ceil(highest / step);
            drawGrid(g, top, step);
            drawBars(g, top);
            drawTarget(g, top);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    /** 1, 2 or 5 times a power of ten, so that the axis reads in round numbers. */
    private static double gridStep(double highest) {
        double rough = Math.max(highest, 1e-9) / GRID_LINES;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double multiple : new double[] {1, 2, 5}) {
            if (multiple * power >= rough) {
                return multiple * power;
            }
        }
        return 10 * power;
    }

    private void drawGrid(Graphics2D g, double top, double step) {
        for (int i = 0; i * step <= top * 1.0001; i++) {
            double value = i * step;
            int y = y(value, top);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            String label = Numbers.format(value);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        g.drawString(unit, 8, TOP - 8);
    }

    private void drawBars(Graphics2D g, double top) {
        int slot = (WIDTH - LEFT - RIGHT) / Math.max(1, bars.size());
        int width = Math.min(90, slot * 3 / 5);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int center = LEFT + slot * i + slot / 2;
            int y = y(bar.value(), top);
            g.setColor(BAR);
            g.fillRect(center - width / 2, y, width, HEIGHT - BOTTOM - y);
            g.setColor(Color.BLACK);
            centered(g, Numbers.format(bar.value()), center, y - 5);
            centered(g, bar.label(), center, HEIGHT - BOTTOM + 18);
        }
    }

    private void drawTarget(Graphics2D g, double top) {
        int y = y(target, top);
        g.setColor(TARGET);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
        g.drawLine(LEFT, y, WIDTH - RIGHT, y);
        String label = "target " + Numbers.format(target) + " " + unit;
        g.drawString(label, WIDTH - RIGHT - g.getFontMetrics().stringWidth(label), y - 5);
    }

    private static int y(double value, double top) {
        return HEIGHT - BOTTOM - (int) Math.round(value / top * (HEIGHT - TOP - BOTTOM));
    }

    private static void centered(Graphics2D g, String text, int center, int baseline) {
        g.drawString(text, center - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }
}
