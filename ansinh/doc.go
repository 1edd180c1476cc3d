// Package ansinh is the model of the half-year social-security report (báo cáo kết quả
// thực hiện công tác an sinh xã hội) that a People's Committee (Ủy ban nhân dân) of a
// commune, district or province sends every period.
//
// A [Report] holds one unit's figures for one period: poverty (giảm nghèo), preferential
// credit (tín dụng ưu đãi), health and social insurance (BHYT, BHXH), vocational training
// and jobs (đào tạo nghề, việc làm), social assistance (bảo trợ xã hội), education support
// (hỗ trợ giáo dục) and electricity support (hỗ trợ tiền điện), together with the
// document data (số, ký hiệu, nơi nhận, người ký) and the narrative paragraphs.
//
// The model is plain Go types: a host system fills them from its own database as easily
// as [Load] fills them from a YAML period file. Figures are typed with package indicators
// (Count, Money, Rate, Date); totals and rates are computed by methods from their inputs
// and never stored, so changing 1855 poor households to 1900 changes the printed rate.
// A percentage that cannot be derived (the report states no base) is carried as reported
// ([RateFigure]).
//
// Three doors lead out of a Report:
//
//   - [Report.Validate] checks sums, rates, cross-section equalities and parts against
//     totals and returns every [indicators.Finding] (errors and warnings).
//   - [Report.Data] gives the tree a Word template sees (snake_case Vietnamese keys, the
//     YAML names), with [Funcs] as its template functions.
//   - The model itself, for roll-ups: counts and money sum exactly, rates are recomputed
//     from their numerators and denominators, keyed lists merge by their Code (ma).
//
// # YAML period files
//
// The YAML keys are the snake_case Vietnamese names shown in each field's comment (for
// example giam_ngheo.ho_ngheo.so_ho). Loading is strict: an unknown or duplicate key, a
// missing required section or figure, a count that is not a whole non-negative number
// (1.855, 1855.0, "1855", -3), a decimal written with a comma (568,1), a malformed date
// or an unknown period kind are errors, each with file:line:column, and all errors of a
// file come back together as [LoadErrors]. Money and rates are read exactly from the
// text of the scalar (568.1 is 568,1 exactly), never through float64. Each [LoadError]
// has a Kind for errors.Is (ErrSyntax, ErrUnknownKey, ErrNumber …), a Msg for the clerk
// (Vietnamese only: what is wrong and what to do) and a Detail for developers (English).
//
// Loading is bounded: a [Loader]'s zero value, which [Load], [LoadFile], [LoadDir] and
// the others use, reads files up to [DefaultMaxFileSize], reports at most
// [DefaultMaxErrors] errors a file, reads number text up to [MaxNumberLen] bytes and counts
// up to [MaxCount], and refuses YAML anchors and aliases. Text is normalised to NFC. An
// amount or rate written like 14.205 loads as 14,205 with a warning of code
// [CodeThousandsDot] that [Report.Validate] returns ([Loader].Strict makes it an error).
//
// Optional keys: don_vi.cap_tren, don_vi.co_quan, don_vi.ma, the whole van_ban, chi_dao,
// tuyen_truyen, can_cu, danh_gia and nhiem_vu sections, every mo_dau/nhan_xet narrative,
// ty_le_bao_cao of each poverty group, thanh_phan of a loan programme, ten/nha_tai_tro/noi
// of list items, bao_cao/co_so/ke_hoach of a [RateFigure] (bao_cao or co_so must be
// given), bhxh.tong and dao_tao_nghe.tong (a stated total, checked against its parts),
// xuat_khau.chi_tieu/ty_le_bao_cao/thi_truong and viec_lam_moi.ke_hoach/ty_le_bao_cao.
// Everything else in a figure section is required; a list may be empty ([]).
//
// A narrative list ([]string) may also be written as a single string, which becomes one
// paragraph.
//
// # The figures, described once
//
// The figure sections (giam_ngheo to tien_dien) are described in one table (figures.go,
// lists.go): an entry per key, with its path, its kind (count, money, printed
// percentage, rate figure, date, text, keyed list, computed total or rate), whether YAML
// requires it, how a roll-up combines it, and a typed function that reaches its field
// in a Report. The loader reads the keys of those sections from it, [Report.Data]
// builds their part of the tree from it, the [Aggregator] sums and merges by it, and
// [Report.Validate] finds every amount, percentage, total and keyed list in it; a test
// checks the README's YAML example and data table against it. A new built-in figure is
// its field in the model and one entry in the table.
//
// The table holds accessor functions rather than struct tags read by reflection or
// generated code: the model stays plain structs a host fills by hand, every entry is
// type-checked by the compiler, nothing runs at build time, and an entry can be made
// at run time, which is how a catalogue's custom figures will join the built-in ones.
package ansinh
