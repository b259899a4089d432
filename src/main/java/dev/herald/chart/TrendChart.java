package dev.herald.chart;

import dev.herald.answer.Development;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeTableXYDataset;

/**
 * Draws a {@link Trend} as a PNG with JFreeChart: one stacked bar per day (a colour per outlet) and a
 * numbered vertical line on the day of each key development, matching the numbers in the caption.
 * Rendering needs no display: the JVM is put in headless mode before the first chart is drawn.
 */
public final class TrendChart {

  /** Width of the image, in pixels: wide enough for a month of daily bars on a phone held sideways. */
  public static final int WIDTH = 1000;
  /** Height of the image, in pixels. */
  public static final int HEIGHT = 560;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  // Colour-blind-safe palette (Okabe–Ito), one colour per named outlet; grey for the rest.
  private static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
      new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442)};

  static {
    // A server has no display; AWT must never try to open one.
    System.setProperty("java.awt.headless", "true");
  }

  private TrendChart() {}

  /** Renders the trend as a {@link #WIDTH} × {@link #HEIGHT} PNG. */
  public static byte[] png(Trend t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(out, chart(t), WIDTH, HEIGHT);
    return out.toByteArray();
  }

  /** Builds the chart: the data set holds exactly the trend's counts, a series per outlet. */
  static JFreeChart chart(Trend t) {
    java.util.TimeZone tz = java.util.TimeZone.getTimeZone(t.zone());
    TimeTableXYDataset data = new TimeTableXYDataset(tz);
    List<LocalDate> days = t.days();
    for (Map.Entry<String, int[]> outlet : t.perOutlet().entrySet()) {
      for (int i = 0; i < days.size(); i++) {
        data.add(day(days.get(i)), outlet.getValue()[i], outlet.getKey(), false);
      }
    }
    DateAxis time = new DateAxis("Day (" + t.zoneName() + ")");
    time.setTimeZone(tz);
    time.setLowerMargin(0.01);
    time.setUpperMargin(0.01);
    NumberAxis count = new NumberAxis("Articles");
    count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    // Head room above the tallest bar for the development numbers.
    count.setUpperMargin(0.12);
    StackedXYBarRenderer bars = new StackedXYBarRenderer(0.15);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    int i = 0;
    for (String outlet : t.perOutlet().keySet()) {
      bars.setSeriesPaint(i, outlet.equals(Trend.OTHER) ? Color.GRAY : PALETTE[i % PALETTE.length]);
      i++;
    }
    XYPlot plot = new XYPlot(data, time, count, bars);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setDomainGridlinesVisible(false);
    int n = 1;
    for (Development d : t.developments()) {
      Day day = day(d.date().atZone(t.zone()).toLocalDate());
      ValueMarker m = new ValueMarker(day.getMiddleMillisecond(java.util.Calendar.getInstance(tz)));
      m.setPaint(new Color(0x444444));
      m.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
      m.setLabel(String.valueOf(n++));
      m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      plot.addDomainMarker(m);
    }
    // A title wider than the image would be cut off at both ends: long topics are shortened.
    String topic = t.topic().length() <= 70 ? t.topic() : t.topic().substring(0, 69).strip() + "…";
    JFreeChart chart = new JFreeChart("Articles on " + topic + " per day", new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
    chart.addSubtitle(new TextTitle(t.articles() + " articles, " + DAY.format(days.get(0)) + " to "
        + DAY.format(days.get(days.size() - 1)) + "; dashed lines: key developments (numbered as in the caption)",
        new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static Day day(LocalDate d) {
    return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }
}
