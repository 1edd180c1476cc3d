#!/bin/sh
# Writes the sample period files with custom figures: each unit file of
# testdata/province/<period>/ followed by a bo_sung section of the catalogue
# danh-muc.yaml, with values made from the unit's number k (1 to 12). Sample data,
# not real figures. ansinh's tests check the copies against their sources.
# Usage: testdata/custom/gen.sh   (from anywhere)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for period in 2023-h1 2024-h1; do
	mkdir -p "$here/$period"
	# last year's figures are a little lower
	less=0
	[ "$period" = 2023-h1 ] && less=2
	for src in "$here/../province/$period"/*.yaml; do
		name=$(basename "$src")
		k=$(( ${name%.yaml} - 30000 ))
		nang=$(( 20 + 3 * k - less ))
		dbn=$(( 5 + k - less ))
		nkt=$(( nang + dbn ))
		{
			cat "$src"
			printf '\nbo_sung:\n'
			printf '  nguoi_khuyet_tat: %d\n' "$nkt"
			printf '  nkt_nang: %d\n' "$nang"
			printf '  nkt_dac_biet_nang: %d\n' "$dbn"
			# 540 nghìn đồng a person a month, six months, in the file's money unit
			if grep -q '^don_vi_tien: nghìn đồng' "$src"; then
				printf '  kinh_phi_nkt: %d\n' "$(( nkt * 3240 ))"
			else
				printf '  kinh_phi_nkt: %d.%02d\n' "$(( nkt * 324 / 100 ))" "$(( nkt * 324 % 100 ))"
			fi
			printf '  ho_vay_von_moi: %d\n' "$(( 10 * k - less ))"
			printf '  diem_tu_van: %d\n' "$(( 1 + k % 3 ))"
		} >"$here/$period/$name"
	done
done
