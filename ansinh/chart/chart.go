package chart

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
	xfont "golang.org/x/image/font"
	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/ansinh-vn/baocao/indicators"
)

// Width is the width every chart is drawn for: 16 cm, the text width of an A4 page with
// the margins of Nghị định 30/2020/NĐ-CP (left 3 cm, right 2 cm). Placed at this width
// (`{{image .bieu_do.ke_hoach 16}}`), the chart's text prints at its nominal size
// (10 pt labels, 11 pt title).
const Width = 16 * vg.Centimeter

// DPI is the resolution of the PNG images: 200 dots per inch at [Width], enough for
// print, 1260 pixels wide.
const DPI = 200

// ErrNoData is returned by [Chart.Image] for a chart with no figure to draw, such as
// the plan chart of a report that states no plan.
var ErrNoData = errors.New("chart: no data to draw")

// ErrTooManyBars is returned by [Chart.Image] for a chart of more than [MaxBars] bars.
var ErrTooManyBars = errors.New("chart: too many bars")

// Bounds of a chart, whatever the data: the image's height grows with the number of
// bars and the lines of their labels, so both are bounded.
const (
	// MaxBars is the most bars a chart draws: about 1 m of image at two-line labels,
	// drawn with about 150 MB. A chart of more units than that does not read anyway:
	// chart the districts, or a district's communes, instead.
	MaxBars = 100
	// MaxLabelLen is the most characters of a category label (two lines of about 30);
	// a longer label is cut, ending with "…".
	MaxLabelLen = 60
	// MaxTitleLen is the most characters of a title (two lines of 90); a longer title
	// is cut, ending with "…".
	MaxTitleLen = 180
	// maxValueLen is the most characters of the text at a bar's end.
	maxValueLen = 60
)

// Chart is a horizontal bar chart of a report's figures, drawn as a PNG image the first
// time [Chart.Image] is called. Build one with [Plan], [Loans], [ByUnit] or [Bars]; the
// zero value and a nil *Chart have no data. A Chart is safe for concurrent use, and the
// same figures always give the same PNG bytes.
type Chart struct {
	spec spec

	once sync.Once
	png  []byte
	err  error
}

// spec is what a chart shows, fixed when it is built.
type spec struct {
	title   string
	axis    string // X axis label: the unit of the values ("triệu đồng", "% kế hoạch")
	percent bool   // X tick labels carry "%"
	bars    []bar  // top to bottom
	ref     *refLine
	err     error // a construction error, returned by Image
}

// bar is one category: its label, the length of its bar and the text printed at its end.
// A bar with !ok has no value: no bar, and text says so.
type bar struct {
	label string
	value float64
	text  string
	ok    bool
}

// refLine is a dashed vertical line across the bars, such as the plan at 100%.
type refLine struct {
	value float64
	label string
}

func newChart(s spec) *Chart { return &Chart{spec: s} }

// Title returns the chart's title, "" when it has none.
func (c *Chart) Title() string {
	if c == nil {
		return ""
	}
	return c.spec.title
}

// Len returns the number of bars (categories) of the chart. A template can test it:
// `{{if .bieu_do.tin_dung.Len}}…{{end}}`.
func (c *Chart) Len() int {
	if c == nil {
		return 0
	}
	return len(c.spec.bars)
}

// Labels returns the category labels, top to bottom.
func (c *Chart) Labels() []string {
	if c == nil {
		return nil
	}
	out := make([]string, len(c.spec.bars))
	for i, b := range c.spec.bars {
		out[i] = b.label
	}
	return out
}

// ValueLabels returns the texts printed at the end of the bars, top to bottom, in the
// Vietnamese number format ("12.061", "4,82%").
func (c *Chart) ValueLabels() []string {
	if c == nil {
		return nil
	}
	out := make([]string, len(c.spec.bars))
	for i, b := range c.spec.bars {
		out[i] = b.text
	}
	return out
}

// Image returns the chart as PNG bytes, [Width] wide at [DPI], its height growing with
// the number of bars. It draws the chart on the first call and returns the same bytes
// (the same slice: do not modify it) afterwards. A chart without bars returns an error
// wrapping [ErrNoData].
func (c *Chart) Image() ([]byte, error) {
	if c == nil {
		return nil, ErrNoData
	}
	c.once.Do(func() { c.png, c.err = draw1(c.spec) })
	return c.png, c.err
}

// String returns the chart's title, so that a chart printed as text by mistake shows
// what it is.
func (c *Chart) String() string { return "[biểu đồ: " + c.Title() + "]" }

// Sizes and grey levels. Everything is black on white or grey, so that the chart reads
// the same in black-and-white print.
const (
	labelSize vg.Length = 10 // points
	titleSize vg.Length = 11
	wrapAt              = 30 // characters per line of a category label
)

var (
	barFill   = color.Gray{Y: 0x80}
	gridColor = color.Gray{Y: 0xd0}
)

func textStyle(size vg.Length, bold bool) text.Style {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return text.Style{Color: color.Black, Font: f, Handler: plot.DefaultTextHandler}
}

// clean makes a label drawable: NFC (the font has precomposed Vietnamese letters, and
// the plain text handler does not position combining marks), one line, trimmed, at most
// n characters. Only the first 4n bytes are looked at, so a huge label costs no more
// than a long one.
func clean(s string, n int) string {
	if len(s) > 4*n+4 {
		s = s[:4*n+4] // may cut a letter in two: clip below drops it
	}
	s = norm.NFC.String(s)
	s = strings.Join(strings.Fields(s), " ")
	return clip(s, n)
}

// clip cuts s to at most n characters, the last being "…" when it was longer, and drops
// an incomplete UTF-8 sequence at the end.
func clip(s string, n int) string {
	r := []rune(strings.ToValidUTF8(s, ""))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// wrap breaks s into lines of at most n characters at spaces (a longer word stays whole).
func wrap(s string, n int) string {
	words := strings.Fields(s)
	var lines []string
	var line []rune
	for _, w := range words {
		rw := []rune(w)
		if len(line) > 0 && len(line)+1+len(rw) > n {
			lines = append(lines, string(line))
			line = line[:0:0]
		}
		if len(line) > 0 {
			line = append(line, ' ')
		}
		line = append(line, rw...)
	}
	if len(line) > 0 {
		lines = append(lines, string(line))
	}
	return strings.Join(lines, "\n")
}

// draw1 renders s to PNG bytes: it sets up the plot, makes room for the value labels
// on a coarse canvas, then draws it at DPI.
func draw1(s spec) ([]byte, error) {
	if err := s.drawable(); err != nil {
		return nil, err
	}
	p := plot.New()
	p.BackgroundColor = color.White
	setTitle(p, s.title)
	lines := setCategoryAxis(p, &s)
	minV, maxV := valueRange(&s)
	setValueAxis(p, &s, minV, maxV)
	rowH := rowHeight(lines)
	height := imageHeight(p, &s, rowH)
	labels := addPlotters(p, &s, rowH)
	widenForLabels(p, labels, minV, height)

	c := vgimg.NewWith(vgimg.UseWH(Width, height), vgimg.UseDPI(DPI), vgimg.UseBackgroundColor(color.White))
	p.Draw(pad(draw.New(c)))
	return encodeGray(c.Image())
}

// drawable reports why s cannot be drawn: its construction error, no bars (ErrNoData,
// naming the title when there is one) or more than MaxBars (ErrTooManyBars). It
// returns nil for a chart that can be drawn.
func (s *spec) drawable() error {
	if s.err != nil {
		return s.err
	}
	if len(s.bars) == 0 {
		if s.title != "" {
			return fmt.Errorf("%w: %s", ErrNoData, s.title)
		}
		return ErrNoData
	}
	if len(s.bars) > MaxBars {
		return fmt.Errorf("%w: %d (at most %d)", ErrTooManyBars, len(s.bars), MaxBars)
	}
	return nil
}

// setTitle sets the title above the chart, bold, centred and wrapped at 90 characters.
// An empty title draws none.
func setTitle(p *plot.Plot, title string) {
	if title == "" {
		return
	}
	p.Title.Text = wrap(clean(title, MaxTitleLen), 90)
	p.Title.TextStyle = textStyle(titleSize, true)
	p.Title.TextStyle.XAlign, p.Title.TextStyle.YAlign = draw.XCenter, draw.YTop
	p.Title.Padding = vg.Points(6)
}

// setCategoryAxis makes the Y axis one row per bar, the first on top, labelled with the
// bars' labels, with room above the bars for the reference line's label if there is
// one. It returns the number of lines of the longest label, which sets the height of a
// row.
func setCategoryAxis(p *plot.Plot, s *spec) int {
	n := len(s.bars)
	ticks, lines := categoryTicks(s.bars)
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Label = textStyle(labelSize, false)
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	p.Y.Tick.Length = vg.Points(6) // a gap between the labels and the bars
	p.Y.Tick.LineStyle.Width = 0
	p.Y.Width = vg.Points(0.5)
	p.Y.Padding = 0
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	if s.ref != nil {
		p.Y.Max += 0.5 // room for the reference line's label
	}
	return lines
}

// categoryTicks returns the Y ticks, bar i at n-1-i so that the first bar is on top,
// labelled with the bars' labels wrapped at wrapAt characters, and the most lines a
// label takes.
func categoryTicks(bars []bar) ([]plot.Tick, int) {
	n := len(bars)
	ticks := make([]plot.Tick, n)
	lines := 1
	for i, b := range bars {
		name := wrap(b.label, wrapAt)
		if k := strings.Count(name, "\n") + 1; k > lines {
			lines = k
		}
		ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: name}
	}
	return ticks, lines
}

// valueRange returns the range of the X axis before room is made for the value labels:
// from 0, or the smallest negative value, to the largest value or the reference line.
// An empty range is widened to one unit, so that the axis can be drawn.
func valueRange(s *spec) (minV, maxV float64) {
	for _, b := range s.bars {
		if b.ok {
			minV = math.Min(minV, b.value)
			maxV = math.Max(maxV, b.value)
		}
	}
	if s.ref != nil {
		maxV = math.Max(maxV, s.ref.value)
	}
	if maxV == minV {
		maxV = minV + 1
	}
	return minV, maxV
}

// setValueAxis makes the X axis run from minV to maxV, its ticks in the Vietnamese
// number format and stopping at maxV, with the unit (s.axis) at its right end.
func setValueAxis(p *plot.Plot, s *spec, minV, maxV float64) {
	p.X.Min, p.X.Max = minV, maxV
	p.X.Tick.Marker = viTicks{percent: s.percent, max: maxV}
	p.X.Tick.Label = textStyle(labelSize, false)
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.X.Tick.Label.Font.Size = vg.Points(9)
	p.X.Label.Text = s.axis
	p.X.Label.TextStyle = textStyle(9, false)
	p.X.Label.TextStyle.XAlign, p.X.Label.TextStyle.YAlign = draw.XRight, draw.YBottom
	p.X.Label.Position = draw.PosRight
	p.X.Width = vg.Points(0.5)
	p.X.Padding = 0
}

// rowHeight is the height of one bar's row, enough for a label of the given number of
// lines and at least 0.75 cm.
func rowHeight(lines int) vg.Length {
	return vg.Length(math.Max(0.75, 0.2+0.4*float64(lines))) * vg.Centimeter
}

// imageHeight is the height of the image: a row per bar, 1.6 cm for the X axis and the
// margins, half a row for the reference line's label and the height of the title set on
// p, rounded up to a whole number of points.
func imageHeight(p *plot.Plot, s *spec, rowH vg.Length) vg.Length {
	height := vg.Length(len(s.bars))*rowH + 1.6*vg.Centimeter
	if s.ref != nil {
		height += rowH / 2
	}
	if s.title != "" {
		height += p.Title.TextStyle.Height(p.Title.Text) + p.Title.Padding
	}
	return vg.Length(math.Ceil(float64(height)))
}

// addPlotters adds what is drawn in the data area, back to front: the vertical grid
// lines, the bars, the reference line if any, and the value labels, which it returns.
func addPlotters(p *plot.Plot, s *spec, rowH vg.Length) *valueLabels {
	grid := plotter.NewGrid()
	grid.Horizontal.Width = 0
	grid.Vertical.Color = gridColor
	grid.Vertical.Width = vg.Points(0.5)
	bars := &hbars{bars: s.bars, thick: rowH * 0.55}
	p.Add(grid, bars)

	if s.ref != nil {
		p.Add(&refPlotter{ref: *s.ref, style: textStyle(9, false)})
	}
	labels := &valueLabels{bars: s.bars, style: textStyle(labelSize, false), offset: vg.Points(4)}
	labels.style.XAlign, labels.style.YAlign = draw.XLeft, draw.YCenter
	p.Add(labels)
	return labels
}

// widenForLabels widens the X axis until every value label fits right of its bar. The
// width of the data area depends on the tick labels, which depend on the range, so the
// range is settled in a few rounds. minV is the X minimum and height the image's height.
func widenForLabels(p *plot.Plot, labels *valueLabels, minV float64, height vg.Length) {
	// Layout is in lengths, not pixels: a coarse canvas measures it without a second
	// full-size image.
	full := pad(draw.New(vgimg.NewWith(vgimg.UseWH(Width, height), vgimg.UseDPI(8))))
	for round := 0; round < 4; round++ {
		da := p.DataCanvas(full)
		need := labels.neededMax(float64(da.Max.X-da.Min.X), minV, p.X.Max)
		if need <= p.X.Max*1.0001 {
			break
		}
		p.X.Max = need * 1.01
	}
}

// neededMax returns the X maximum at which every label fits right of its bar in a data
// area w wide (in points) whose X axis starts at minV, or xMax if they all fit at xMax.
// A label is given at least a quarter of the width, so that a very long one does not
// squeeze the bars to nothing.
func (l *valueLabels) neededMax(w, minV, xMax float64) float64 {
	need := xMax
	for _, b := range l.bars {
		room := w - float64(l.offset+l.style.Width(b.text)) - 4
		if room <= w/4 {
			room = w / 4
		}
		x := l.x(b)
		// x maps to (x-min)/(max-min)*w; it must be at most room.
		if v := minV + (x-minV)*w/room; v > need {
			need = v
		}
	}
	return need
}

// encodeGray writes img as an 8-bit greyscale PNG: the chart has no colour, and a grey
// image is a third of the size of an RGBA one.
func encodeGray(img image.Image) ([]byte, error) {
	b := img.Bounds()
	g := image.NewGray(b)
	if rgba, ok := img.(*image.RGBA); ok {
		// The drawing is opaque (white background): color.GrayModel on the pixels,
		// without an interface call per pixel.
		for i, j := 0, 0; i+3 < len(rgba.Pix) && j < len(g.Pix); i, j = i+4, j+1 {
			r, gr, bl := uint32(rgba.Pix[i])*0x101, uint32(rgba.Pix[i+1])*0x101, uint32(rgba.Pix[i+2])*0x101
			g.Pix[j] = uint8((19595*r + 38470*gr + 7471*bl + 1<<15) >> 24)
		}
	} else {
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				g.Set(x, y, img.At(x, y))
			}
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, g); err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	return buf.Bytes(), nil
}

// pad leaves a margin of 3 points around the chart, so that no glyph touches the edge
// of the image.
func pad(c draw.Canvas) draw.Canvas {
	m := vg.Points(3)
	return draw.Crop(c, m, -m, m, -m)
}

// valueLabels prints each bar's text right of its end, on a white box, so that a grid or
// reference line behind it does not cross the figures.
type valueLabels struct {
	bars   []bar
	style  text.Style
	offset vg.Length
}

// x is where the label of b starts, in data units: the end of the bar, or 0 for a
// negative or missing value.
func (l *valueLabels) x(b bar) float64 {
	if !b.ok {
		return 0
	}
	return math.Max(b.value, 0)
}

func (l *valueLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(l.bars)
	for i, b := range l.bars {
		// As the axis does with its tick labels: centre the text, then raise it by the
		// font's descent, which centres the letters rather than the text box.
		pt := vg.Point{X: trX(l.x(b)) + l.offset, Y: trY(float64(n-1-i)) + l.style.FontExtents().Descent}
		r := l.style.Rectangle(b.text)
		m := vg.Points(1.5)
		box := []vg.Point{
			{X: pt.X + r.Min.X - m, Y: pt.Y + r.Min.Y - m}, {X: pt.X + r.Max.X + m, Y: pt.Y + r.Min.Y - m},
			{X: pt.X + r.Max.X + m, Y: pt.Y + r.Max.Y + m}, {X: pt.X + r.Min.X - m, Y: pt.Y + r.Max.Y + m},
		}
		c.FillPolygon(color.White, box)
		c.FillText(l.style, pt, b.text)
	}
}

// hbars draws the bars: grey with a black outline, the first bar on top.
type hbars struct {
	bars  []bar
	thick vg.Length
}

func (h *hbars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(h.bars)
	outline := draw.LineStyle{Color: color.Black, Width: vg.Points(0.6)}
	for i, b := range h.bars {
		if !b.ok || b.value == 0 {
			continue
		}
		y := trY(float64(n - 1 - i))
		x0, x1 := trX(0), trX(b.value)
		pts := []vg.Point{{X: x0, Y: y - h.thick/2}, {X: x0, Y: y + h.thick/2}, {X: x1, Y: y + h.thick/2}, {X: x1, Y: y - h.thick/2}}
		c.FillPolygon(barFill, c.ClipPolygonXY(pts))
		c.StrokeLines(outline, c.ClipLinesXY(append(pts, pts[0]))...)
	}
}

func (h *hbars) DataRange() (xmin, xmax, ymin, ymax float64) {
	for _, b := range h.bars {
		if b.ok {
			xmin, xmax = math.Min(xmin, b.value), math.Max(xmax, b.value)
		}
	}
	return xmin, xmax, -0.5, float64(len(h.bars)) - 0.5
}

// refPlotter draws a reference line (the plan) with its label at the top.
type refPlotter struct {
	ref   refLine
	style text.Style
}

func (r *refPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x := trX(r.ref.value)
	line := draw.LineStyle{Color: color.Black, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(2)}}
	top := c.Max.Y - r.style.Height(r.ref.label) - vg.Points(2)
	c.StrokeLine2(line, x, c.Min.Y, x, top)
	st := r.style
	st.XAlign = draw.XCenter
	st.YAlign = draw.YBottom
	c.FillText(st, vg.Point{X: x, Y: top + vg.Points(1)}, r.ref.label)
}

// viTicks labels the X axis in the Vietnamese number format: "2.000", "12,5", "50%".
// Ticks stop at the largest value: the axis goes on under the value labels.
type viTicks struct {
	percent bool
	max     float64
}

func (t viTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, math.Min(max, t.max))
	for i := range ticks {
		if ticks[i].Label == "" {
			continue
		}
		d := decimal.NewFromFloat(ticks[i].Value).Round(6)
		if t.percent {
			ticks[i].Label = indicators.FormatPercent(d, -1)
		} else {
			ticks[i].Label = indicators.FormatNumber(d, -1)
		}
	}
	return ticks
}
