// Package mau holds the standard report templates (mẫu báo cáo chuẩn) that ship with the
// library, embedded in the Go package: one Word template per tier of local government,
// each serving every period kind (6 tháng đầu năm, 6 tháng cuối năm, cả năm, quý I–IV).
//
//	tpl, err := mau.For(report.Unit, report.Period) // the template of the unit's tier
//	err = tpl.ExecuteFile("baocao.docx", report.Data())
//
// The templates name no place, code, office, donor or programme of any one unit: the
// wording of the unit and the period comes from the data (.tu_ngu, .ky; see
// ansinh.Report.Wording), lists print from the data in file order, and an empty list, a
// zero or an absent figure leaves its clause out or says "không phát sinh". Their layout
// follows Nghị định 30/2020/NĐ-CP (header table, số and ký hiệu, the place-date line,
// title and trích yếu, Nơi nhận, signature block, page numbers from page 2).
//
// To customise one, copy it out with [Bytes] (or read it from [FS]), edit it in Word or
// LibreOffice, and parse it with ansinh.ParseTemplateFile.
package mau

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/render"
)

//go:embed xa.docx huyen.docx tinh.docx
var files embed.FS

// ErrNoTemplate: no standard template serves the unit for the period (a district after
// the 2025 reform, when districts no longer exist, or an invalid period).
var ErrNoTemplate = errors.New("mau: no standard template for this unit and period")

// Standard describes one standard template.
type Standard struct {
	File   string      // file name in FS: "xa.docx"
	Tier   ansinh.Tier // the tier it serves
	Levels string      // the level words it serves, as a clerk reads them
}

// List returns the standard templates, commune first.
func List() []Standard {
	return []Standard{
		{File: "xa.docx", Tier: ansinh.TierCommune, Levels: "xã, phường, đặc khu (thị trấn trước 01/7/2025)"},
		{File: "huyen.docx", Tier: ansinh.TierDistrict, Levels: "huyện, quận, thị xã, thành phố thuộc tỉnh (các kỳ trước 01/7/2025)"},
		{File: "tinh.docx", Tier: ansinh.TierProvince, Levels: "tỉnh, thành phố trực thuộc trung ương"},
	}
}

// Choose returns the standard template of u's tier ([ansinh.Unit.Tier]) for period p.
// It fails with [ErrNoTemplate] for an invalid period and for a district whose period
// ends on or after 1 July 2025.
func Choose(u ansinh.Unit, p ansinh.Period) (Standard, error) {
	if err := p.Validate(); err != nil {
		return Standard{}, fmt.Errorf("%w: %v", ErrNoTemplate, err)
	}
	t := u.Tier()
	if _, reform := ansinh.ReorganisationDates(); t == ansinh.TierDistrict && !p.End().Time().Before(reform.Time()) {
		return Standard{}, fmt.Errorf("%w: %s báo cáo %s, sau khi bỏ cấp huyện (01/7/2025)", ErrNoTemplate, u.FullName(), p)
	}
	for _, s := range List() {
		if s.Tier == t {
			return s, nil
		}
	}
	return Standard{}, fmt.Errorf("%w: %s", ErrNoTemplate, u.FullName())
}

// For parses the standard template of u's tier for period p (see [Choose]) with the
// report functions. Each call parses anew; parse once and execute as often as you like.
func For(u ansinh.Unit, p ansinh.Period) (*render.Template, error) {
	s, err := Choose(u, p)
	if err != nil {
		return nil, err
	}
	return Parse(s.File)
}

// Parse parses the standard template named file ("xa.docx", "huyen.docx",
// "tinh.docx") with the report functions.
func Parse(file string) (*render.Template, error) {
	b, err := Bytes(file)
	if err != nil {
		return nil, err
	}
	return ansinh.ParseTemplate("mau/"+file, b)
}

// Bytes returns a copy of the standard template named file, to write it out and
// customise it.
func Bytes(file string) ([]byte, error) {
	b, err := files.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("mau: %q is not a standard template (see List): %w", file, err)
	}
	return b, nil
}

// FS returns the standard templates as a read-only file system.
func FS() fs.FS { return files }
