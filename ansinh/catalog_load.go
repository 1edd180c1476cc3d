package ansinh

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// figureKind is the kind of the figure a plan's chi_so names: a custom figure of the
// decoder's catalogue under bo_sung, else a built-in figure. A custom path it cannot
// take is reported here (at n, path) and gives ok with kind 0, so that the caller
// reports nothing more.
func (d *decoder) figureKind(n *yaml.Node, path, chiSo string) (TargetKind, bool) {
	ma, custom := strings.CutPrefix(chiSo, CustomPrefix+".")
	if !custom {
		return figureKind(chiSo)
	}
	if d.catalog == nil {
		d.atKind(ErrNoCatalog, n, path, "a custom figure needs a catalogue (Loader.Catalog)",
			"chỉ số %q là chỉ tiêu bổ sung; cần nạp kế hoạch kèm tệp danh mục chỉ tiêu bổ sung (cờ -catalog của lệnh baocao, ô «Danh mục chỉ tiêu bổ sung» trên trang web)", chiSo)
		return 0, true
	}
	i, ok := d.catalog.index[ma]
	if !ok {
		vn, en := didYouMean(suggestCode(ma, d.catalog))
		d.atKind(ErrUnknownKey, n, path, "unknown custom figure"+en, "chỉ tiêu %q không có trong danh mục chỉ tiêu bổ sung%s", ma, vn)
		return 0, true
	}
	f := &d.catalog.figures[i]
	if f.NoPlan {
		d.atKind(ErrCatalog, n, path, "no plan for this figure", "danh mục ghi chỉ tiêu %q không giao kế hoạch (ke_hoach: false); bỏ chỉ tiêu này khỏi kế hoạch", ma)
		return 0, true
	}
	switch f.Kind {
	case CustomCount:
		return TargetCount, true
	case CustomMoney:
		return TargetMoney, true
	}
	return TargetPercent, true
}
