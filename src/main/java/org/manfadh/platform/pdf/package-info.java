/**
 * PDF reports in English, Arabic and Central Kurdish: an A4 page drawn line by line in the reading direction of its
 * language ({@link PdfCanvas}), the Noto fonts shipped in the jar ({@link PdfFonts}) and simple line and bar charts
 * ({@link PdfCharts}). Every module that prints a report draws it with these, so that Kurdish letters join the
 * same way in every report.
 */
@org.springframework.modulith.NamedInterface("pdf")
package org.manfadh.platform.pdf;
