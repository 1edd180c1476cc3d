package ansinh_test

import (
	"fmt"
	"log"

	"github.com/shopspring/decimal"

	"github.com/ansinh-vn/baocao/ansinh"
	"github.com/ansinh-vn/baocao/indicators"
)

// The findings of the reference data as the notes of a review draft: each names the
// figure it concerns and says, in Vietnamese, what was checked with both numbers.
// Execute a template with tpl.ExecuteReview(ctx, w, r.Data(), render.Review{Notes:
// notes}) to write them as Word comments.
func ExampleReport_ReviewNotes() {
	r, err := ansinh.LoadFile("../testdata/tayson-2023-h1.yaml")
	if err != nil {
		log.Fatal(err)
	}
	for _, n := range r.ReviewNotes(r.Validate()) {
		fmt.Println(n.Figures)
		fmt.Println(n.Text)
	}
	// Output:
	// [[giam_ngheo.ho_ngheo_phat_sinh.ty_le]]
	// Cảnh báo. Kiểm tra tỷ lệ: tỷ lệ in so với tỷ lệ tính lại từ số liệu.
	// Tỷ lệ in là 0,01% nhưng 1 / 38.459 ≈ 0,0026% (làm tròn 0,00%).
	// (giam_ngheo.ho_ngheo_phat_sinh.ty_le)
	// [[lao_dong.xuat_khau.ty_le]]
	// Cảnh báo. Kiểm tra tỷ lệ đạt kế hoạch: tỷ lệ in so với thực hiện chia kế hoạch.
	// Tỷ lệ đạt kế hoạch in là 68,05% nhưng 49 / 72 ≈ 68,0556% (làm tròn 68,06%).
	// (lao_dong.xuat_khau.ty_le)
}

func ExampleReviewText() {
	f := indicators.CheckSum("bao_hiem.bhxh.tong", decimal.RequireFromString("206"), decimal.RequireFromString("160"), decimal.RequireFromString("45"))[0]
	fmt.Println(ansinh.ReviewText(f))
	// Output:
	// Lỗi. Kiểm tra tổng: tổng in so với cộng các phần.
	// Tổng in là 206 nhưng cộng các phần 160 + 45 = 205 (lệch 1).
	// (bao_hiem.bhxh.tong)
}
