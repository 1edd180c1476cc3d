package ansinh

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestLoadErrorsMadeByNewLoadError: every LoadError of the package is made by
// newLoadError (directly or through the decoder's at and atKind), which takes the English
// detail, so that none lacks its Detail. A LoadError literal anywhere else fails.
func TestLoadErrorsMadeByNewLoadError(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, entry := range entries {
		name := entry.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if ok && fn.Name.Name == "newLoadError" {
				continue
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				lit, ok := n.(*ast.CompositeLit)
				if !ok {
					return true
				}
				if isLoadErrorType(lit.Type) {
					t.Errorf("%s: a LoadError literal; make it with newLoadError or the decoder's atKind, which take its Detail", fset.Position(lit.Pos()))
				}
				if arr, ok := lit.Type.(*ast.Ident); ok && arr.Name == "LoadErrors" {
					for _, elt := range lit.Elts {
						if _, ok := elt.(*ast.CompositeLit); ok {
							t.Errorf("%s: a LoadError literal in a LoadErrors; make it with newLoadError", fset.Position(elt.Pos()))
						}
					}
				}
				return true
			})
		}
	}
}

// isLoadErrorType reports whether the type expression is LoadError or *LoadError.
func isLoadErrorType(x ast.Expr) bool {
	if u, ok := x.(*ast.UnaryExpr); ok {
		x = u.X
	}
	if s, ok := x.(*ast.StarExpr); ok {
		x = s.X
	}
	id, ok := x.(*ast.Ident)
	return ok && id.Name == "LoadError"
}
