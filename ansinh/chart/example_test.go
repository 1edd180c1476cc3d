package chart_test

import (
	"bytes"
	"fmt"
	"image/png"
	"log"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/ansinh/chart"
	"github.com/ansinh-vn/baocao/indicators"
)

// A chart of the poverty rate by unit, as a province report shows it. The PNG is 16 cm
// wide at 200 dpi; place it with {{image .bieu_do.ho_ngheo 16}}.
func ExampleByUnit() {
	units := []string{"Tây Sơn", "An Lão", "Vĩnh Thạnh", "thị xã An Nhơn"}
	rates := []indicators.Rate{
		indicators.ReportedRate(decimal.RequireFromString("4.82")),
		indicators.ReportedRate(decimal.RequireFromString("12.4")),
		indicators.ReportedRate(decimal.RequireFromString("7.1")),
		indicators.ReportedRate(decimal.RequireFromString("0.96")),
	}
	c := chart.ByUnit("Tỷ lệ hộ nghèo theo đơn vị", units, rates)
	fmt.Println(c.Labels())
	fmt.Println(c.ValueLabels())

	b, err := c.Image()
	if err != nil {
		log.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("PNG %d × %d pixels\n", cfg.Width, cfg.Height)
	// Output:
	// [An Lão Vĩnh Thạnh Tây Sơn thị xã An Nhơn]
	// [12,4% 7,1% 4,82% 0,96%]
	// PNG 1260 × 414 pixels
}
