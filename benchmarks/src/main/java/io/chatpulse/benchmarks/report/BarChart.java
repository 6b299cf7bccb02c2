package io.chatpulse.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A bar chart as a PNG, drawn headless by JFreeChart: one bar per figure, its value above it, and a
 * dashed red line at the target, so that a reader sees at a glance how far a figure is from it.
 */
final class BarChart {

    record Bar(String label, double value) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final Color BAR = new Color(70, 110, 170);
    private static final Color TARGET = new Color(200, 30, 30);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** As {@link Numbers#format}: thousands separated, at most three decimals. */
    private static final String NUMBER_PATTERN = "#,##0.###";

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
        ChartUtils.saveChartAsPNG(png.toFile(), chart(), WIDTH, HEIGHT);
    }

    JFreeChart chart() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar bar : bars) {
            data.addValue(bar.value(), unit, bar.label());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, unit, data, PlotOrientation.VERTICAL,
                false, false, false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(200, 200, 200));
        // Room above the highest bar or the target for its label.
        plot.getRangeAxis().setRange(0, 1.15 * Math.max(target, bars.stream().mapToDouble(Bar::value).max().orElse(0)));
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        plot.setRenderer(bars());
        plot.addRangeMarker(targetLine());
        return chart;
    }

    private static BarRenderer bars() {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMaximumBarWidth(0.15);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat(NUMBER_PATTERN, DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(TEXT);
        return renderer;
    }

    private ValueMarker targetLine() {
        ValueMarker line = new ValueMarker(target, TARGET,
                new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
        line.setLabel("target " + Numbers.format(target) + " " + unit);
        line.setLabelPaint(TARGET);
        line.setLabelFont(TEXT);
        line.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        line.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
        line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return line;
    }
}
