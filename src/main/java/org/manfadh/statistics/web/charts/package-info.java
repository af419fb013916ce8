/**
 * The dashboards' charts and map drawn on the server as SVG: a time series with the forecast band,
 * ranked bars, grouped columns and Iraq's map with its border points sized by flow.
 *
 * <p>Pure: figures and words in, SVG text out; no Spring, no SQL, no I/O. Every chart is an image
 * to assistive technology ({@code role="img"}, {@code aria-label} and a {@code <title>}), every
 * number is written in the language's digits, and in Arabic and Kurdish a time or category axis
 * runs right to left (a map keeps north up and east to the right). Colours are presentation
 * attributes, not inline styles, which the content security policy refuses.
 */
package org.manfadh.statistics.web.charts;
