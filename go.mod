module github.com/ansinh-vn/baocao

go 1.22

require (
	github.com/nguyenthenguyen/docx v0.0.0-20230621112118-9c8e795a11db
	github.com/shopspring/decimal v1.4.0
	gopkg.in/yaml.v3 v3.0.1
)
