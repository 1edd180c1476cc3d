package job

import (
	"context"
	"io"

	"github.com/ansinh-vn/baocao/render"
)

// execute fills the template into w; with review, every finding of the data's
// validation becomes a Word comment beside the figure it concerns
// (render.Template.ExecuteReview, ansinh.Report.ReviewNotes).
func (p *prepared) execute(ctx context.Context, w io.Writer, review bool) error {
	if !review {
		return p.tpl.ExecuteContext(ctx, w, p.data)
	}
	notes := p.report.ReviewNotes(p.report.Validate())
	return p.tpl.ExecuteReview(ctx, w, p.data, render.Review{Notes: notes})
}
