package render

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig for JPEG pictures
	_ "image/png"  // DecodeConfig for PNG pictures
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"text/template"

	"github.com/shopspring/decimal"
)

// Imager is a value that draws itself as a PNG or JPEG picture, such as a chart. The
// image function calls Image only when a tag prints the value, so data can hold charts
// that a template may or may not use.
type Imager interface {
	Image() ([]byte, error)
}

// imageFunc is the name of the template function that places a picture.
const imageFunc = "image"

// rawXML is markup the printer writes as is. Only the image function makes it; nothing
// from the data can.
type rawXML string

// cmEMU is the number of English Metric Units in a centimetre, DrawingML's unit.
const cmEMU = 360000

// DefaultImageWidth is the width, in centimetres, of a picture placed without one: the
// text width of an A4 page with Nghị định 30/2020 margins.
const DefaultImageWidth = 16

// imageState collects, during one Execute, the pictures placed by image tags: the media
// parts to add, and the relationships each part needs to reach them. Its names never
// clash with what the template holds: a media name or relationship id already taken is
// skipped.
type imageState struct {
	media  []mediaPart
	byHash map[[32]byte]int
	rels   map[string]map[int]string // part name → media index → relationship id
	order  map[string][]int          // part name → media indices in the order first used
	docPr  int
	// taken are the template's entry names, lower case; relIDs the relationship ids
	// each part's relationships already hold.
	taken  map[string]bool
	relIDs map[string]map[string]bool
	pkg    *pkgIndex // the template's relationships and content types, as parsed
}

type mediaPart struct {
	name string
	ext  string
	data []byte
}

func newImageState(parts []*pkgPart) *imageState {
	st := &imageState{byHash: map[[32]byte]int{}, rels: map[string]map[int]string{}, order: map[string][]int{},
		taken: map[string]bool{}, relIDs: map[string]map[string]bool{}, pkg: newPkgIndex(parts)}
	for _, p := range parts {
		st.taken[strings.ToLower(p.hdr.Name)] = true
		if strings.HasSuffix(p.hdr.Name, ".rels") {
			ids := map[string]bool{}
			for _, r := range p.rels {
				ids[r.ID] = true
			}
			st.relIDs[partOfRels(p.hdr.Name)] = ids
		}
	}
	return st
}

// bind returns a clone of the part's template whose image function places pictures for
// this execution.
func (st *imageState) bind(tm *template.Template, part, prefix string) (*template.Template, error) {
	c, err := tm.Clone()
	if err != nil {
		return nil, err
	}
	return c.Funcs(template.FuncMap{imageFunc: st.fn(part, prefix)}), nil
}

// mediaName is a name for the next picture that the package does not hold.
func (st *imageState) mediaName(ext string) string {
	for n := len(st.media) + 1; ; n++ {
		name := fmt.Sprintf("word/media/baocao-image%d.%s", n, ext)
		if !st.taken[name] {
			st.taken[name] = true
			return name
		}
	}
}

// relationship is the id of a relationship from part to picture mi, made on first use
// with an id the part's relationships do not hold.
func (st *imageState) relationship(part string, mi int) string {
	if st.rels[part] == nil {
		st.rels[part] = map[int]string{}
	}
	if rid, ok := st.rels[part][mi]; ok {
		return rid
	}
	if st.relIDs[part] == nil {
		st.relIDs[part] = map[string]bool{}
	}
	rid := ""
	for n := mi + 1; rid == "" || st.relIDs[part][rid]; n++ {
		rid = fmt.Sprintf("rIdBaocaoImage%d", n)
	}
	st.relIDs[part][rid] = true
	st.rels[part][mi] = rid
	st.order[part] = append(st.order[part], mi)
	return rid
}

// fn returns the image function for one part: {{image .x}} or {{image .x 12.5}} places
// the picture .x (PNG or JPEG bytes, or an Imager) at the tag, the given number of
// centimetres wide (DefaultImageWidth if omitted), its height from its aspect ratio.
func (st *imageState) fn(part, prefix string) func(v any, width ...any) (rawXML, error) {
	return func(v any, width ...any) (rawXML, error) {
		data, err := imageBytes(v)
		if err != nil {
			return "", err
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return "", fmt.Errorf("image: not a PNG or JPEG picture: %v", err)
		}
		if cfg.Width <= 0 || cfg.Height <= 0 {
			return "", errors.New("image: the picture has no size")
		}
		cx, err := imageWidth(width)
		if err != nil {
			return "", err
		}
		cy := cx * int64(cfg.Height) / int64(cfg.Width)
		rid := st.relationship(part, st.add(data, format))
		st.docPr++
		return rawXML(drawingXML(prefix, rid, 90000+st.docPr, cx, cy)), nil
	}
}

// add keeps a picture's bytes once however often it is placed, and returns its index.
func (st *imageState) add(data []byte, format string) int {
	sum := sha256.Sum256(data)
	if mi, ok := st.byHash[sum]; ok {
		return mi
	}
	ext := "png"
	if format == "jpeg" {
		ext = "jpeg"
	}
	mi := len(st.media)
	st.media = append(st.media, mediaPart{name: st.mediaName(ext), ext: ext, data: data})
	st.byHash[sum] = mi
	return mi
}

// imageWidth is the width in EMU the image function's optional argument asks for.
func imageWidth(width []any) (int64, error) {
	cm := decimal.NewFromInt(DefaultImageWidth)
	if len(width) > 1 {
		return 0, errors.New("image: takes a picture and at most a width in centimetres")
	}
	if len(width) == 1 {
		var err error
		if cm, err = toDecimal(width[0]); err != nil {
			return 0, fmt.Errorf("image: width: %v", err)
		}
		if !cm.IsPositive() || cm.GreaterThan(decimal.NewFromInt(100)) {
			return 0, fmt.Errorf("image: width %s cm is not between 0 and 100", cm)
		}
	}
	return cm.Mul(decimal.NewFromInt(cmEMU)).Round(0).IntPart(), nil
}

// extends reports whether the entry name must be rewritten for the pictures placed: the
// content types, or the relationships of a part that places one.
func (st *imageState) extends(name string) bool {
	if st == nil {
		return false
	}
	if name == "[Content_Types].xml" {
		return len(st.media) > 0
	}
	return strings.HasSuffix(name, ".rels") && len(st.order[partOfRels(name)]) > 0
}

// extend rewrites an entry that extends reports.
func (st *imageState) extend(name string, meta []byte) []byte {
	if name == "[Content_Types].xml" {
		return st.addContentTypes(meta)
	}
	return st.addRels(meta, partOfRels(name))
}

// writeNew adds what the pictures need that the package lacks: the relationships parts
// of parts that had none (hasRels names those written), and the pictures themselves.
func (st *imageState) writeNew(zw *zip.Writer, parts []*pkgPart, hasRels map[string]bool) error {
	if st == nil {
		return nil
	}
	for _, p := range parts {
		if rn := relsName(p.hdr.Name); len(st.order[p.hdr.Name]) > 0 && !hasRels[rn] {
			if err := writeNew(zw, rn, zip.Deflate, st.addRels(nil, p.hdr.Name)); err != nil {
				return err
			}
		}
	}
	for _, m := range st.media {
		// PNG and JPEG are compressed already.
		if err := writeNew(zw, m.name, zip.Store, m.data); err != nil {
			return err
		}
	}
	return nil
}

func writeNew(zw *zip.Writer, name string, method uint16, body []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
	if err != nil {
		return fmt.Errorf("render: %s: %w", name, err)
	}
	if _, err = w.Write(body); err != nil {
		return fmt.Errorf("render: %s: %w", name, err)
	}
	return nil
}

func imageBytes(v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return nil, errors.New("image: no picture (the value is empty)")
	case []byte:
		if len(x) == 0 {
			return nil, errors.New("image: no picture (the value is empty)")
		}
		return x, nil
	case Imager:
		b, err := x.Image()
		if err != nil {
			return nil, fmt.Errorf("image: %w", err)
		}
		if len(b) == 0 {
			return nil, errors.New("image: the picture is empty")
		}
		return b, nil
	}
	return nil, fmt.Errorf("image: a %T is not a picture: give PNG or JPEG bytes or a value with an Image method", v)
}

func toDecimal(v any) (decimal.Decimal, error) {
	switch x := v.(type) {
	case decimal.Decimal:
		return x, nil
	case string:
		return decimal.NewFromString(strings.Replace(x, ",", ".", 1))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return decimal.Decimal{}, fmt.Errorf("%v is not a number", x)
		}
		return decimal.NewFromFloat(x), nil
	case *big.Int:
		return decimal.NewFromBigInt(x, 0), nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return decimal.NewFromInt(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return decimal.NewFromString(strconv.FormatUint(rv.Uint(), 10))
	}
	return decimal.Decimal{}, fmt.Errorf("a %T is not a number", v)
}

// drawingXML is an inline picture. It closes the w:t the tag stands in and opens a new
// one after it, inside the same run, and declares the DrawingML namespaces where it uses
// them so that it does not depend on the part's root element.
func drawingXML(prefix, rid string, id int, cx, cy int64) string {
	size := fmt.Sprintf(`cx="%d" cy="%d"`, cx, cy)
	ids := strconv.Itoa(id)
	return `</` + prefix + `:t><` + prefix + `:drawing>` +
		`<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">` +
		`<wp:extent ` + size + `/><wp:docPr id="` + ids + `" name="Hình ` + ids + `"/>` +
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
		`<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
		`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
		`<pic:nvPicPr><pic:cNvPr id="` + ids + `" name="Hình ` + ids + `"/><pic:cNvPicPr/></pic:nvPicPr>` +
		`<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="` + rid + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ` + size + `/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
		`</pic:pic></a:graphicData></a:graphic></wp:inline></` + prefix + `:drawing><` + prefix + `:t xml:space="preserve">`
}
