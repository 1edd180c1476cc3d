package indicators

import (
	"errors"
	"testing"
)

func TestMoneyUnit(t *testing.T) {
	for _, tt := range []struct {
		u    MoneyUnit
		want string
	}{{Dong, "đồng"}, {NghinDong, "nghìn đồng"}, {TrieuDong, "triệu đồng"}, {TyDong, "tỷ đồng"}, {MoneyUnit(7), "MoneyUnit(7)"}} {
		if got := tt.u.String(); got != tt.want {
			t.Errorf("MoneyUnit(%d).String() = %q, want %q", int(tt.u), got, tt.want)
		}
	}
	for in, want := range map[string]MoneyUnit{
		"đồng": Dong, "nghìn đồng": NghinDong, "ngàn đồng": NghinDong, "triệu đồng": TrieuDong,
		"tỷ đồng": TyDong, "tỉ đồng": TyDong, "Triệu Đồng": TrieuDong, "TỶ ĐỒNG": TyDong,
	} {
		if got, err := ParseMoneyUnit(in); err != nil || got != want {
			t.Errorf("ParseMoneyUnit(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	_, err := ParseMoneyUnit("USD")
	if !errors.Is(err, ErrUnit) || err.Error() != `indicators: unknown money unit: "USD" (want đồng, nghìn đồng, triệu đồng or tỷ đồng)` {
		t.Errorf("ParseMoneyUnit(\"USD\") error = %v", err)
	}
}

func TestMoney(t *testing.T) {
	m := NewMoney(dec("568.1"), TrieuDong)
	if m.String() != "568,1 triệu đồng" || m.Number() != "568,1" || m.Unit() != TrieuDong || !m.Amount().Equal(dec("568.1")) {
		t.Errorf("568,1 triệu đồng prints %q / %q", m.String(), m.Number())
	}
	if got := NewMoney(dec("4627"), TrieuDong).String(); got != "4.627 triệu đồng" {
		t.Errorf("4627 triệu đồng prints %q", got)
	}
	if got := m.In(NghinDong); got.String() != "568.100 nghìn đồng" {
		t.Errorf("568,1 triệu đồng in nghìn = %q", got)
	}
	if got := m.In(Dong); got.String() != "568.100.000 đồng" {
		t.Errorf("568,1 triệu đồng in đồng = %q", got)
	}
	if got := m.In(TyDong); got.String() != "0,5681 tỷ đồng" {
		t.Errorf("568,1 triệu đồng in tỷ = %q", got)
	}
	sum := NewMoney(dec("455.5"), TrieuDong).Add(NewMoney(dec("112600"), NghinDong))
	if sum.String() != "568,1 triệu đồng" {
		t.Errorf("455,5 triệu + 112.600 nghìn = %q", sum)
	}
	if !NewMoney(dec("1"), TyDong).Equal(NewMoney(dec("1000"), TrieuDong)) {
		t.Error("1 tỷ đồng != 1.000 triệu đồng")
	}
	if NewMoney(dec("1"), TyDong).Equal(NewMoney(dec("1000"), NghinDong)) {
		t.Error("1 tỷ đồng == 1.000 nghìn đồng")
	}
	var zero Money
	if !zero.IsZero() || zero.String() != "0 đồng" {
		t.Errorf("zero Money = %q", zero.String())
	}
	if m.IsZero() {
		t.Error("568,1 triệu IsZero")
	}
}
