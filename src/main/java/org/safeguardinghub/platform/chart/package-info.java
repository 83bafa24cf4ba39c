/**
 * The server-side SVG chart kit every module draws with: a {@link org.safeguardinghub.platform.chart.Scale} from
 * figures to pixels with axis ticks, {@link org.safeguardinghub.platform.chart.Polyline} runs that break at a missing
 * or hidden point, bar lengths ({@link org.safeguardinghub.platform.chart.Bars}), SVG path text
 * ({@link org.safeguardinghub.platform.chart.Svg}: lines, control limits, markers), label shortening and heat-map
 * colour bands ({@link org.safeguardinghub.platform.chart.HeatMap}). Geometry only: each chart keeps its own record
 * that its template writes (with {@code role="img"}, an accessible name, and the data table beside it), so a chart
 * always has its figures in a table.
 */
@NullMarked
package org.safeguardinghub.platform.chart;

import org.jspecify.annotations.NullMarked;
