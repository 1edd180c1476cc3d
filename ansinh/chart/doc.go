// Package chart draws the charts of a social-security report from its typed figures:
// results against plan ([Plan]), preferential loans by programme ([Loans]) and, for a
// district or province, one figure per unit ([ByUnit], [Bars]).
//
// Every chart is a horizontal bar chart, drawn in pure Go with gonum.org/v1/plot into a
// greyscale PNG 16 cm wide ([Width]) at 200 dpi ([DPI]): grey bars with a black outline,
// black text, the value printed at the end of each bar in the Vietnamese number format
// ("12.061", "4,82%"), so that it reads the same in black-and-white print and needs no
// legend. Category labels are on the left, wrapped at about 30 characters. The same
// figures always give the same PNG bytes.
//
// Text is set in Liberation Sans, which has every Vietnamese letter (ư ơ ạ ế ộ ữ …). The
// font comes embedded in the Go module codeberg.org/go-fonts/liberation, a dependency of
// gonum.org/v1/plot, under the SIL Open Font License 1.1 (LICENSE-SIL in that module);
// labels are normalised to NFC, since the font has the precomposed letters. Labels are cut
// at [MaxLabelLen] characters, titles at [MaxTitleLen], and a chart has at most [MaxBars]
// bars, so that no data makes an image without bound.
//
// A [Chart] is drawn the first time its Image method is called, so report data can
// carry charts that a template may not use. Package render's image function places any
// value with an Image() ([]byte, error) method:
//
//	data := report.Data()
//	data["bieu_do"] = chart.ForReport(report)
//
// and in the Word template, each in a paragraph of its own:
//
//	{{image .bieu_do.ke_hoach 16}}
//	{{image .bieu_do.tin_dung 16}}
package chart
