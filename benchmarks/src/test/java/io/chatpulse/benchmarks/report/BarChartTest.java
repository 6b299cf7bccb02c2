package io.chatpulse.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

/** What the chart shows: each bar with its value written above it, and the target as a dashed line. */
class BarChartTest {

    private final JFreeChart chart = new BarChart("freshness", "ms", List.of(new BarChart.Bar("p50", 1_234.5),
            new BarChart.Bar("p99", 4_200)), 5_000).chart();
    private final CategoryPlot plot = chart.getCategoryPlot();

    @Test
    void everyFigureIsABarLabelledWithItsValue() {
        assertThat(chart.getTitle().getText()).isEqualTo("freshness");
        assertThat(plot.getDataset().getColumnKeys()).containsExactly("p50", "p99");
        assertThat(plot.getDataset().getValue(0, 0)).isEqualTo(1_234.5);
        assertThat(plot.getRenderer().getDefaultItemLabelsVisible()).isTrue();
        assertThat(plot.getRenderer().getDefaultItemLabelGenerator().generateLabel(plot.getDataset(), 0, 0))
                .isEqualTo("1,234.5");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("ms");
    }

    @Test
    void theTargetIsADashedLineAboveTheBarsItIsNamedBy() {
        @SuppressWarnings("unchecked")
        List<Marker> markers = List.copyOf(plot.getRangeMarkers(Layer.FOREGROUND));
        assertThat(markers).singleElement().isInstanceOfSatisfying(ValueMarker.class, target -> {
            assertThat(target.getValue()).isEqualTo(5_000);
            assertThat(target.getLabel()).isEqualTo("target 5,000 ms");
            assertThat(((BasicStroke) target.getStroke()).getDashArray()).isNotEmpty();
        });
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThan(5_000);
    }
}
