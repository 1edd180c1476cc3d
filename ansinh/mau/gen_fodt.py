#!/usr/bin/env python3
"""Writes the standard templates' Flat ODT sources xa.fodt, huyen.fodt and tinh.fodt.

The three templates share their layout and most of their text, so they are written by
this one script: edit it, then run ./gen.sh (which runs it, then converts the .fodt
files to .docx with LibreOffice). The styles (Nghị định 30/2020/NĐ-CP: header table,
title, body, Nơi nhận, signature block, page numbers from page 2) are those of the
replica's source testdata/tayson/template.fodt, with the styles of the tables added.

Usage: python3 ansinh/mau/gen_fodt.py [OUTDIR]   (OUTDIR defaults to this script's folder)
"""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
replica = open(os.path.join(here, '..', '..', 'testdata', 'tayson', 'template.fodt'), encoding='utf-8').read()
head = replica[replica.index('<office:document'):replica.index(' <office:body>')].rstrip('\n')

extra_styles = '''
  <!-- Tables of figures: 10pt cells; headings bold and centred, numbers to the right. -->
  <style:style style:name="Bang_20_ten" style:display-name="Bang ten" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="6pt" fo:margin-bottom="3pt" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:font-style="italic" style:font-size-complex="13pt" style:font-weight-complex="bold" style:font-style-complex="italic"/>
  </style:style>
  <style:style style:name="Bang_20_ghi_20_chu" style:display-name="Bang ghi chu" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="3pt" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="12pt" fo:font-style="italic" style:font-size-complex="12pt" style:font-style-complex="italic"/>
  </style:style>
  <style:style style:name="O" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="10pt" style:font-size-complex="10pt"/>
  </style:style>
  <style:style style:name="O_20_so" style:display-name="O so" style:family="paragraph" style:parent-style-name="O">
   <style:paragraph-properties fo:text-align="end"/>
  </style:style>
  <style:style style:name="O_20_giua" style:display-name="O giua" style:family="paragraph" style:parent-style-name="O">
   <style:paragraph-properties fo:text-align="center"/>
  </style:style>
  <style:style style:name="O_20_dau" style:display-name="O dau" style:family="paragraph" style:parent-style-name="O_20_giua">
   <style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/>
  </style:style>
  <style:style style:name="O_20_tong" style:display-name="O tong" style:family="paragraph" style:parent-style-name="O_20_so">
   <style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/>
  </style:style>
  <style:style style:name="O_20_tong_20_ten" style:display-name="O tong ten" style:family="paragraph" style:parent-style-name="O">
   <style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/>
  </style:style>
 </office:styles>'''
head = head.replace(' </office:styles>', extra_styles, 1)

widths = sorted(set([0.8, 1.2, 1.3, 1.5, 1.6, 2.4, 2.5, 2.7, 3.0, 4.4, 6.0, 6.1]))
def wname(w): return 'W%03d' % round(w*100)
extra_auto = '''
  <!-- Tables of figures: 16.5 cm wide, thin black borders. -->
  <style:style style:name="Tbl" style:family="table">
   <style:table-properties style:width="16.5cm" table:align="margins" fo:margin-top="0cm" fo:margin-bottom="6pt"/>
  </style:style>
  <style:style style:name="Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/>
  </style:style>
''' + ''.join('  <style:style style:name="%s" style:family="table-column"><style:table-column-properties style:column-width="%gcm"/></style:style>\n' % (wname(w), w) for w in widths) + '''  <style:page-layout style:name="A4">'''
head = head.replace('  <style:page-layout style:name="A4">', extra_auto, 1)

def sp(n): return '<text:s text:c="%d"/>' % n

def P(style, text=''):
    return '   <text:p text:style-name="%s">%s</text:p>' % (style, text)
def N(text): return P('Noi_20_dung', text)
def C(tag): return P('Noi_20_dung', tag)
def H(text): return P('Muc', text)

def cell(style, text):
    return '<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="%s">%s</text:p></table:table-cell>' % (style, text)

def table(name, cols, header, rows):
    out = ['   <table:table table:name="%s" table:style-name="Tbl">' % name]
    for w in cols:
        assert w in widths, (name, w)
        out.append('    <table:table-column table:style-name="%s"/>' % wname(w))
    assert abs(sum(cols) - 16.5) < 0.01, (name, sum(cols))
    out.append('    <table:table-header-rows>')
    out.append('     <table:table-row>' + ''.join(cell('O_20_dau', h) for h in header) + '</table:table-row>')
    out.append('    </table:table-header-rows>')
    for r in rows:
        out.append('     <table:table-row>' + ''.join(cell(st, t) for st, t in r) + '</table:table-row>')
    out.append('   </table:table>')
    return '\n'.join(out)

RATE = lambda p: '{{if %s.IsValid}}{{%s}}{{end}}' % (p, p)

# ---------------------------------------------------------------- header and title
header = '''   <table:table table:name="Dau" table:style-name="TDau">
    <table:table-column table:style-name="TDau.A"/>
    <table:table-column table:style-name="TDau.B"/>
    <table:table-row>
     <table:table-cell table:style-name="TDau.O" office:value-type="string">
      <text:p text:style-name="Co_20_quan">{{hoa .don_vi.co_quan}}</text:p>
      <text:p text:style-name="Co_20_quan">{{hoa .don_vi.ten_day_du}}</text:p>
      <text:p text:style-name="GachTrai"/>
     </table:table-cell>
     <table:table-cell table:style-name="TDau.O" office:value-type="string">
      <text:p text:style-name="Quoc_20_hieu">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p>
      <text:p text:style-name="Tieu_20_ngu">Độc lập - Tự do - Hạnh phúc</text:p>
      <text:p text:style-name="GachPhai"/>
     </table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:style-name="TDau.O2" office:value-type="string">
      <text:p text:style-name="So_20_ky_20_hieu">Số: {{if .van_ban.so}}{{.van_ban.so}}{{else}}''' + sp(6) + '''{{end}}/{{.tu_ngu.ky_hieu}}</text:p>
     </table:table-cell>
     <table:table-cell table:style-name="TDau.O2" office:value-type="string">
      <text:p text:style-name="Dia_20_danh">{{.tu_ngu.dia_danh}}, {{if ngay .van_ban.ngay}}{{ngaydai .van_ban.ngay}}{{else}}ngày''' + sp(6) + '''tháng {{if .van_ban.thang}}{{.van_ban.thang}}{{else}}''' + sp(6) + '''{{end}} năm {{.van_ban.nam}}{{end}}</text:p>
     </table:table-cell>
    </table:table-row>
   </table:table>

   <text:p text:style-name="Ten_20_loai">BÁO CÁO</text:p>
   <text:p text:style-name="Trich_20_yeu">{{.tu_ngu.trich_yeu}}</text:p>
   <text:p text:style-name="GachGiua"/>
'''

KY = '{{.ky.ten_day_du}}'

def opening(parent):
    out = [P('MoDau', '{{.tu_ngu.ubnd_day_du}} báo cáo kết quả thực hiện công tác an sinh xã hội ' + KY + ' và nhiệm vụ, giải pháp {{.ky.tiep_theo.ten_day_du}}' + ('{{if .don_vi_truc_thuoc}} trên cơ sở báo cáo của {{sl .so_don_vi}} đơn vị trực thuộc{{end}}' if parent else '') + ', cụ thể như sau:')]
    return out

def section_direction():
    return [
        H('I. KẾT QUẢ THỰC HIỆN'),
        H('1. Công tác chỉ đạo điều hành'),
        C('{{range .can_cu}}'),
        N('- Căn cứ {{.loai}} số {{.so}}{{if ngay .ngay}} ngày {{ngay .ngay}}{{end}}{{if .co_quan}} của {{.co_quan}}{{end}}{{if .trich_yeu}} {{.trich_yeu}}{{end}};'),
        C('{{end}}'),
        C('{{if .chi_dao.mo_dau}}'), N('{{.chi_dao.mo_dau}}'), C('{{end}}'),
        C('{{range .chi_dao.van_ban}}'),
        N('- {{.loai}} số {{.so}}{{if ngay .ngay}} ngày {{ngay .ngay}}{{end}}{{if .co_quan}} của {{.co_quan}}{{end}}{{if .trich_yeu}} {{.trich_yeu}}{{end}}.'),
        C('{{end}}'),
        C('{{range .chi_dao.ket}}'), N('{{.}}'), C('{{end}}'),
        C('{{if not (or .chi_dao.mo_dau .chi_dao.van_ban .chi_dao.ket .can_cu)}}'),
        N('{{.tu_ngu.ubnd}} đã chỉ đạo {{.tu_ngu.lao_dong}} và các cơ quan, đơn vị liên quan triển khai thực hiện kịp thời, đầy đủ, đúng quy định các chế độ, chính sách an sinh xã hội {{.tu_ngu.dia_ban}}.'),
        C('{{end}}'),
        H('2. Công tác tuyên truyền vận động'),
        C('{{range .tuyen_truyen}}'), N('{{.}}'), C('{{end}}'),
        C('{{if not .tuyen_truyen}}'),
        N('Tuyên truyền, phổ biến các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về giảm nghèo, việc làm, bảo hiểm y tế, bảo hiểm xã hội và bảo trợ xã hội để người dân và các đối tượng thụ hưởng biết, thực hiện {{.tu_ngu.dia_ban}}.'),
        C('{{end}}'),
    ]

def section_poverty():
    g = '.giam_ngheo'
    return [
        H('3. Kết quả thực hiện chương trình, chính sách xã hội trong ' + KY),
        H('3.1. Công tác giảm nghèo'),
        N('- Theo kết quả điều tra, rà soát hộ nghèo, hộ cận nghèo cuối năm {{.giam_ngheo.nam_ra_soat}}{{if .giam_ngheo.dan_so.so_ho.IsZero}}:{{else}}, {{.tu_ngu.dia_ban}} có {{sl .giam_ngheo.dan_so.so_ho}} hộ dân cư với {{sl .giam_ngheo.dan_so.nhan_khau}} nhân khẩu, trong đó:{{end}}'),
        N('+ {{if .giam_ngheo.ho_ngheo.so_ho.IsZero}}{{hoadau .tu_ngu.toan}} không còn hộ nghèo{{else}}{{hoadau .tu_ngu.toan}} có {{sl .giam_ngheo.ho_ngheo.so_ho}} hộ nghèo với {{sl .giam_ngheo.ho_ngheo.nhan_khau}} nhân khẩu' + '{{if .giam_ngheo.ho_ngheo.ty_le.IsValid}}, chiếm tỷ lệ {{.giam_ngheo.ho_ngheo.ty_le}}{{end}}{{end}}; '
          + '{{if .giam_ngheo.ho_can_ngheo.so_ho.IsZero}}không có hộ cận nghèo{{else}}hộ cận nghèo có {{sl .giam_ngheo.ho_can_ngheo.so_ho}} hộ với {{sl .giam_ngheo.ho_can_ngheo.nhan_khau}} nhân khẩu{{if .giam_ngheo.ho_can_ngheo.ty_le.IsValid}}, chiếm tỷ lệ {{.giam_ngheo.ho_can_ngheo.ty_le}}{{end}}{{end}}.'
          + '{{if not .giam_ngheo.dtts_ngheo_can_ngheo.so_ho.IsZero}} Số hộ nghèo, cận nghèo đồng bào dân tộc thiểu số có {{sl .giam_ngheo.dtts_ngheo_can_ngheo.so_ho}} hộ với {{sl .giam_ngheo.dtts_ngheo_can_ngheo.nhan_khau}} nhân khẩu{{if .giam_ngheo.dtts_ngheo_can_ngheo.ty_le.IsValid}}, chiếm tỷ lệ {{.giam_ngheo.dtts_ngheo_can_ngheo.ty_le}} so với tổng số hộ dân cư{{end}}.{{end}}'),
        N('+ Trong ' + KY + ', {{.tu_ngu.ubnd}} đã chỉ đạo {{.tu_ngu.lao_dong}} hướng dẫn {{.tu_ngu.cap_duoi}} rà soát hộ nghèo, hộ cận nghèo phát sinh. {{if .giam_ngheo.ho_ngheo_phat_sinh.so_ho.IsZero}}Kết quả: không phát sinh hộ nghèo mới.{{else}}Kết quả có {{sl .giam_ngheo.ho_ngheo_phat_sinh.so_ho}} hộ nghèo phát sinh với {{sl .giam_ngheo.ho_ngheo_phat_sinh.nhan_khau}} nhân khẩu{{if .giam_ngheo.ho_ngheo_phat_sinh.ty_le.IsValid}}, chiếm tỷ lệ {{.giam_ngheo.ho_ngheo_phat_sinh.ty_le}}{{end}}.{{end}}'),
        C('{{with index . "so_sanh"}}'),
        N('+ So với cùng kỳ năm trước, số hộ nghèo {{tanggiam .giam_ngheo.ho_ngheo.so_ho "hộ"}}{{with index .giam_ngheo.ho_ngheo "ty_le"}}, tỷ lệ hộ nghèo {{tanggiam .}}{{end}}; số hộ cận nghèo {{tanggiam .giam_ngheo.ho_can_ngheo.so_ho "hộ"}}.'),
        C('{{end}}'),
    ]

def section_credit():
    return [
        H('3.2. Chính sách tín dụng ưu đãi'),
        C('{{if .tin_dung.tong_so_ho.IsZero}}'),
        N('- Trong ' + KY + ', không phát sinh cho vay ưu đãi.'),
        C('{{else}}'),
        N('- Trong ' + KY + ', {{.tu_ngu.ngan_hang}} đã giải ngân cho {{sl .tin_dung.tong_so_ho}} lượt hộ vay với tổng số tiền {{.tin_dung.tong_so_tien}}{{with index . "so_sanh"}} ({{sosanh .tin_dung.tong_so_tien}}){{end}}, cụ thể như sau:'),
        C('{{range $i, $p := .tin_dung.chuong_trinh_ds}}'),
        C('{{if not .so_ho.IsZero}}'),
        N('+ {{.ten}}: {{sl .so_ho}} hộ vay, số tiền {{.so_tien}}{{with .thanh_phan_ds}}; trong đó: {{range $j, $t := .}}{{if $j}}, {{end}}{{sl $t.so_ho}} hộ{{if $t.ten}} {{$t.ten}}{{end}}{{end}}{{end}}.'),
        C('{{end}}'),
        C('{{end}}'),
        C('{{end}}'),
        C('{{range .tin_dung.nhan_xet}}'), N('{{.}}'), C('{{end}}'),
    ]

def section_insurance():
    return [
        H('3.3. Công tác thực hiện bảo hiểm y tế, bảo hiểm xã hội'),
        C('{{range .bao_hiem.mo_dau}}'), N('{{.}}'), C('{{end}}'),
        C('{{if not .bao_hiem.tong_so_the.IsZero}}'),
        N('- Thực hiện chính sách hỗ trợ bảo hiểm y tế từ ngân sách nhà nước, trong ' + KY + ' đã cấp {{sl .bao_hiem.tong_so_the}} thẻ bảo hiểm y tế cho các nhóm đối tượng, gồm:'),
        C('{{range .bao_hiem.the_bhyt_ds}}'),
        C('{{if not .so_the.IsZero}}'),
        N('+ {{.ten}}: {{sl .so_the}} thẻ.'),
        C('{{end}}'),
        C('{{end}}'),
        C('{{end}}'),
        N('- Ước tính đến ngày {{ngay .bao_hiem.bhyt.ngay_uoc_tinh}}, {{if .bao_hiem.bhyt.so_nguoi.IsZero}}chưa có người tham gia bảo hiểm y tế {{.tu_ngu.dia_ban}}{{else}}số người tham gia bảo hiểm y tế {{.tu_ngu.dia_ban}} có {{sl .bao_hiem.bhyt.so_nguoi}} người{{end}}{{if not .bao_hiem.bhyt.cung_ky_nam_truoc.IsZero}}, {{sosanh .bao_hiem.bhyt.thay_doi "người"}}{{end}}{{if .bao_hiem.bhyt.ty_le_bao_phu.IsValid}}, tỷ lệ bao phủ bảo hiểm y tế đạt {{.bao_hiem.bhyt.ty_le_bao_phu}} dân số{{if .bao_hiem.bhyt.ke_hoach_bao_phu.IsValid}} (kế hoạch {{.bao_hiem.bhyt.ke_hoach_bao_phu}}){{end}}{{end}}; '
          + '{{if .bao_hiem.bhxh.tong.IsZero}}chưa có người tham gia bảo hiểm xã hội{{else}}số người tham gia bảo hiểm xã hội {{.tu_ngu.toan}}: {{sl .bao_hiem.bhxh.tong}} người (bắt buộc: {{sl .bao_hiem.bhxh.bat_buoc}} người, tự nguyện: {{sl .bao_hiem.bhxh.tu_nguyen}} người){{end}}{{if .bao_hiem.bhxh.ty_le.IsValid}}, chiếm tỷ lệ {{.bao_hiem.bhxh.ty_le}} lực lượng lao động trong độ tuổi{{if .bao_hiem.bhxh.ke_hoach.IsValid}} (kế hoạch {{.bao_hiem.bhxh.ke_hoach}}){{end}}{{end}}.'),
        C('{{with index . "so_sanh"}}'),
        N('- So với cùng kỳ năm trước, số người tham gia bảo hiểm xã hội {{tanggiam .bao_hiem.bhxh.tong "người"}}{{with index .bao_hiem.bhyt "ty_le_bao_phu"}}; tỷ lệ bao phủ bảo hiểm y tế {{tanggiam .}}{{end}}.'),
        C('{{end}}'),
    ]

def section_labour():
    t = '.lao_dong.dao_tao_nghe'
    return [
        H('3.4. Công tác đào tạo nghề, lao động, việc làm'),
        C('{{range .lao_dong.mo_dau}}'), N('{{.}}'), C('{{end}}'),
        N('- {{if .lao_dong.dao_tao_nghe.tong.so_lop.IsZero}}Trong ' + KY + ', không mở lớp đào tạo nghề.{{else}}Trong ' + KY + ', đã tổ chức đào tạo {{sl .lao_dong.dao_tao_nghe.tong.so_lop}} lớp nghề có {{sl .lao_dong.dao_tao_nghe.tong.hoc_vien}} học viên tham gia với tổng kinh phí {{.lao_dong.dao_tao_nghe.tong.kinh_phi}}'
          + '{{if not (or .lao_dong.dao_tao_nghe.phi_nong_nghiep.so_lop.IsZero .lao_dong.dao_tao_nghe.nong_nghiep.so_lop.IsZero)}} (trong đó: {{sl .lao_dong.dao_tao_nghe.phi_nong_nghiep.so_lop}} lớp nghề phi nông nghiệp có {{sl .lao_dong.dao_tao_nghe.phi_nong_nghiep.hoc_vien}} học viên với kinh phí {{.lao_dong.dao_tao_nghe.phi_nong_nghiep.kinh_phi}}; {{sl .lao_dong.dao_tao_nghe.nong_nghiep.so_lop}} lớp nghề nông nghiệp có {{sl .lao_dong.dao_tao_nghe.nong_nghiep.hoc_vien}} học viên với kinh phí {{.lao_dong.dao_tao_nghe.nong_nghiep.kinh_phi}}){{else if .lao_dong.dao_tao_nghe.nong_nghiep.so_lop.IsZero}} (nghề phi nông nghiệp){{else}} (nghề nông nghiệp){{end}}.{{end}}'),
        N('- {{if .lao_dong.xuat_khau.so_nguoi.IsZero}}Trong ' + KY + ', không có người lao động đi làm việc có thời hạn ở nước ngoài theo hợp đồng.{{else}}Trong ' + KY + ', có {{sl .lao_dong.xuat_khau.so_nguoi}} người lao động đi làm việc có thời hạn ở nước ngoài theo hợp đồng{{if .lao_dong.xuat_khau.thi_truong}}, thị trường chủ yếu là {{.lao_dong.xuat_khau.thi_truong}}{{end}}{{if .lao_dong.xuat_khau.ty_le.IsValid}} (đạt {{.lao_dong.xuat_khau.ty_le}} so với chỉ tiêu giao){{end}}.{{end}}'),
        N('- {{if not .lao_dong.ngay_hoi_viec_lam.so_nguoi.IsZero}}{{.tu_ngu.ubnd}} phối hợp với {{.tu_ngu.viec_lam}} tổ chức các phiên giao dịch việc làm, tư vấn, giới thiệu việc làm, có {{sl .lao_dong.ngay_hoi_viec_lam.so_nguoi}} người lao động tham gia. {{end}}{{if .lao_dong.viec_lam_moi.so_nguoi.IsZero}}Trong ' + KY + ', chưa có lao động được tạo việc làm mới.{{else}}Trong ' + KY + ' đã tạo việc làm mới cho {{sl .lao_dong.viec_lam_moi.so_nguoi}} lao động{{if .lao_dong.viec_lam_moi.ty_le.IsValid}}, đạt {{.lao_dong.viec_lam_moi.ty_le}} so với kế hoạch{{end}}.{{end}}'),
    ]

def section_assistance():
    b = '.bao_tro_xa_hoi'
    return [
        H('3.5. Công tác bảo trợ xã hội'),
        # The first clause is always there, so that the section is never empty.
        N('- {{if .bao_tro_xa_hoi.tro_cap_thuong_xuyen.luot.IsZero}}Trong ' + KY + ', không phát sinh chi trả trợ cấp xã hội hằng tháng.{{else}}Chi trả trợ cấp xã hội hằng tháng cho {{sl .bao_tro_xa_hoi.tro_cap_thuong_xuyen.luot}} lượt đối tượng, với tổng kinh phí {{.bao_tro_xa_hoi.tro_cap_thuong_xuyen.kinh_phi}}.{{end}}'),
        C('{{if not .bao_tro_xa_hoi.mai_tang.so_nguoi.IsZero}}'),
        N('- Hỗ trợ chi phí mai táng cho {{sl .bao_tro_xa_hoi.mai_tang.so_nguoi}} đối tượng bảo trợ xã hội, kinh phí {{.bao_tro_xa_hoi.mai_tang.kinh_phi}}.'),
        C('{{end}}'),
        C('{{if not .bao_tro_xa_hoi.mua_bhyt.so_nguoi.IsZero}}'),
        N('- Mua và cấp thẻ bảo hiểm y tế cho {{sl .bao_tro_xa_hoi.mua_bhyt.so_nguoi}} đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng, kinh phí {{.bao_tro_xa_hoi.mua_bhyt.kinh_phi}}.'),
        C('{{end}}'),
        C('{{if not .bao_tro_xa_hoi.mung_tho.tong.IsZero}}'),
        N('- Thăm, tặng quà mừng thọ cho {{if not .bao_tro_xa_hoi.mung_tho.tron_100.IsZero}}{{sl .bao_tro_xa_hoi.mung_tho.tron_100}} người tròn 100 tuổi{{if not .bao_tro_xa_hoi.mung_tho.tron_90.IsZero}} và {{end}}{{end}}{{if not .bao_tro_xa_hoi.mung_tho.tron_90.IsZero}}{{sl .bao_tro_xa_hoi.mung_tho.tron_90}} người tròn 90 tuổi{{end}} {{.tu_ngu.dia_ban}}.'),
        C('{{end}}'),
        C('{{range .bao_tro_xa_hoi.nha_o_ds}}'),
        C('{{if not .so_ho.IsZero}}'),
        N('- {{if .ten}}{{.ten}}{{else}}Hỗ trợ nhà ở{{end}}: {{sl .so_ho}} hộ, số tiền {{.so_tien}}{{if .noi}}, tại {{.noi}}{{end}}{{if .nha_tai_tro}}, do {{.nha_tai_tro}} tài trợ{{end}}.'),
        C('{{end}}'),
        C('{{end}}'),
        C('{{range .bao_tro_xa_hoi.qua_ds}}'),
        C('{{if not .so_suat.IsZero}}'),
        N('- {{if .dip}}Nhân {{.dip}}, {{end}}{{if .ten}}{{.ten}}{{else if .dip}}trao tặng quà{{else}}Tặng quà{{end}}: {{sl .so_suat}} suất, trị giá {{.so_tien}}{{if .noi}}, tại {{.noi}}{{end}}{{if .nha_tai_tro}}, do {{.nha_tai_tro}} tài trợ{{end}}.'),
        C('{{end}}'),
        C('{{end}}'),
    ]

def section_education():
    return [
        H('3.6. Chính sách hỗ trợ trong giáo dục và đào tạo'),
        C('{{if .giao_duc.tong_so_nguoi.IsZero}}'),
        N('Trong ' + KY + ', không phát sinh hỗ trợ trong giáo dục và đào tạo.'),
        C('{{else}}'),
        N('Trong ' + KY + ', đã hỗ trợ {{sl .giao_duc.tong_so_nguoi}} lượt học sinh, sinh viên với tổng kinh phí {{.giao_duc.tong_so_tien}}, gồm:'),
        C('{{range .giao_duc.ho_tro_ds}}'),
        C('{{if not .so_nguoi.IsZero}}'),
        N('- {{if .ten}}{{.ten}}{{else}}Hỗ trợ học sinh, sinh viên{{end}}: {{sl .so_nguoi}} người, số tiền {{.so_tien}}.'),
        C('{{end}}'),
        C('{{end}}'),
        C('{{end}}'),
    ]

def section_electricity():
    return [
        H('3.7. Hỗ trợ tiền điện cho hộ nghèo và hộ chính sách xã hội'),
        N('{{if and .tien_dien.ho_ngheo.so_ho.IsZero .tien_dien.chinh_sach.luot_ho.IsZero}}Trong ' + KY + ', không phát sinh hỗ trợ tiền điện.{{else}}Trong ' + KY + ' đã hỗ trợ tiền điện cho {{if not .tien_dien.ho_ngheo.so_ho.IsZero}}{{sl .tien_dien.ho_ngheo.so_ho}} hộ nghèo với kinh phí {{.tien_dien.ho_ngheo.kinh_phi}}{{if not .tien_dien.chinh_sach.luot_ho.IsZero}}; {{end}}{{end}}{{if not .tien_dien.chinh_sach.luot_ho.IsZero}}{{sl .tien_dien.chinh_sach.luot_ho}} lượt hộ chính sách xã hội với kinh phí {{.tien_dien.chinh_sach.kinh_phi}}{{end}}.{{end}}'),
    ]

def section_custom():
    # The catalogue's custom figures (bo_sung_nhom: grouped under their nhom, in catalogue
    # order); nothing without a catalogue. Counts print with their don_vi_tinh, money and
    # rates with their own unit; a figure without a value says why (ly_do).
    item = ('- {{$c.ten}}: {{if $c.tinh_duoc}}{{$c.gia_tri}}{{if and (eq $c.kieu "so_luong") $c.don_vi_tinh}} {{$c.don_vi_tinh}}{{end}}'
            '{{with $c.so_sanh}}, {{sosanh . $c.don_vi_thay_doi}}{{end}}{{else}}{{$c.ly_do}}{{end}}.')
    return [
        C('{{if .bo_sung_ds}}'),
        H('3.8. Các chỉ tiêu bổ sung'),
        C('{{range .bo_sung_nhom}}'),
        C('{{if .ten}}'), N('{{.ten}}:'), C('{{end}}'),
        C('{{range $c := .chi_tieu}}'),
        N(item),
        C('{{end}}'),
        C('{{end}}'),
        C('{{end}}'),
    ]

def units_table():
    cols = [0.8, 2.4, 1.5, 1.2, 1.3, 1.2, 1.3, 1.6, 1.3, 1.2, 2.7]
    hdr = ['STT', 'Đơn vị', 'Số hộ dân cư', 'Hộ nghèo', 'Tỷ lệ hộ nghèo', 'Hộ cận nghèo', 'Tỷ lệ hộ cận nghèo', 'Người tham gia BHYT', 'Tỷ lệ bao phủ BHYT', 'Việc làm mới', 'Vốn vay ưu đãi ({{.don_vi_tien}})']
    def row(first, last, prefix, numst, namest):
        return [
            (namest if not first else 'O_20_giua', first),
            (namest, prefix['name']),
            (numst, '{{sl .giam_ngheo.dan_so.so_ho}}'),
            (numst, '{{sl .giam_ngheo.ho_ngheo.so_ho}}'),
            (numst, RATE('.giam_ngheo.ho_ngheo.ty_le')),
            (numst, '{{sl .giam_ngheo.ho_can_ngheo.so_ho}}'),
            (numst, RATE('.giam_ngheo.ho_can_ngheo.ty_le')),
            (numst, '{{sl .bao_hiem.bhyt.so_nguoi}}'),
            (numst, RATE('.bao_hiem.bhyt.ty_le_bao_phu')),
            (numst, '{{sl .lao_dong.viec_lam_moi.so_nguoi}}'),
            (numst, '{{so .tin_dung.tong_so_tien}}' + last),
        ]
    r1 = row('{{range $i, $u := .don_vi_truc_thuoc}}{{stt $i}}', '{{end}}', {'name': '{{.don_vi.ten_day_du}}'}, 'O_20_so', 'O')
    r2 = row(' ', '', {'name': 'Tổng cộng'}, 'O_20_tong', 'O_20_tong_20_ten')
    r2[0] = ('O', '')
    return [
        C('{{if .don_vi_truc_thuoc}}'),
        P('Bang_20_ten', 'Kết quả của các đơn vị trực thuộc ' + KY),
        table('DonVi', cols, hdr, [r1, r2]),
        C('{{end}}'),
        # A chart the host may add: data["bieu_do"]["ty_le_ngheo"], e.g. chart.ByUnit.
        C('{{with index . "bieu_do"}}{{with index . "ty_le_ngheo"}}'),
        P('Bieu_20_do', '{{image . 16}}'),
        P('Chu_20_thich', 'Biểu đồ: Tỷ lệ hộ nghèo của các đơn vị trực thuộc {{$.ky.ten_day_du}}'),
        C('{{end}}{{end}}'),
    ]

def compare_table():
    # Inside the block . is .so_sanh; last year's figures are reached through index, so
    # that a check of the template against data without last year finds nothing missing.
    cols = [6.1, 3.0, 3.0, 4.4]
    hdr = ['Chỉ tiêu', '{{$.ky.cung_ky.ten_day_du}}', '{{$.ky.ten_day_du}}', 'Tăng (+), giảm (-)']
    NT = '(index $ "nam_truoc")'
    def r(label, path, fmt='sl'):
        return [('O', label), ('O_20_so', '{{%s %s.%s}}' % (fmt, NT, path)), ('O_20_so', '{{%s $.%s}}' % (fmt, path)), ('O_20_so', '{{tanggiam .%s}}' % path)]
    def rr(label, parent, key):
        return [('O', '{{with index .%s "%s"}}%s' % (parent, key, label)), ('O_20_so', '{{%s.%s.%s}}' % (NT, parent, key)), ('O_20_so', '{{$.%s.%s}}' % (parent, key)), ('O_20_so', '{{tanggiam .}}{{end}}')]
    rows = [
        r('Hộ nghèo (hộ)', 'giam_ngheo.ho_ngheo.so_ho'),
        rr('Tỷ lệ hộ nghèo', 'giam_ngheo.ho_ngheo', 'ty_le'),
        r('Hộ cận nghèo (hộ)', 'giam_ngheo.ho_can_ngheo.so_ho'),
        r('Người tham gia bảo hiểm y tế (người)', 'bao_hiem.bhyt.so_nguoi'),
        rr('Tỷ lệ bao phủ bảo hiểm y tế', 'bao_hiem.bhyt', 'ty_le_bao_phu'),
        r('Người tham gia bảo hiểm xã hội (người)', 'bao_hiem.bhxh.tong'),
        r('Lao động được tạo việc làm mới (người)', 'lao_dong.viec_lam_moi.so_nguoi'),
        [('O', 'Vốn vay ưu đãi ({{$.don_vi_tien}})'), ('O_20_so', '{{so %s.tin_dung.tong_so_tien}}' % NT), ('O_20_so', '{{so $.tin_dung.tong_so_tien}}'), ('O_20_so', '{{tanggiam .tin_dung.tong_so_tien}}')],
    ]
    return [
        C('{{with index . "so_sanh"}}'),
        P('Bang_20_ten', 'So sánh với cùng kỳ năm trước'),
        table('SoSanh', cols, hdr, rows),
        C('{{end}}'),
    ]

def plan_table():
    cols = [0.8, 6.0, 2.4, 2.4, 2.4, 2.5]
    hdr = ['STT', 'Chỉ tiêu', 'Kế hoạch năm {{.ky.nam}}', 'Thực hiện', 'Tỷ lệ đạt', 'Đánh giá']
    rows = [[('O_20_giua', '{{range $i, $k := .ke_hoach_ds}}{{stt $i}}'), ('O', '{{.ten}}{{if .don_vi_tinh}} ({{.don_vi_tinh}}){{end}}'), ('O_20_so', '{{so .ke_hoach}}'), ('O_20_so', '{{so .thuc_hien}}'), ('O_20_so', RATE('.ty_le')), ('O_20_giua', '{{if .dat_ke_hoach}}Đạt{{else}}Chưa đạt{{end}}{{end}}')]]
    return [
        C('{{if .ke_hoach_ds}}'),
        P('Bang_20_ten', 'Thực hiện kế hoạch năm {{.ky.nam}}'),
        C('{{if .ke_hoach_can_cu}}'), P('Bang_20_ghi_20_chu', '(Kế hoạch theo {{.ke_hoach_can_cu}})'), C('{{end}}'),
        table('KeHoach', cols, hdr, rows),
        C('{{end}}'),
    ]

def section_assessment():
    return [
        C('{{if or .danh_gia.thuan_loi .danh_gia.han_che .danh_gia.han_che_mo_dau}}'),
        H('II. NHẬN XÉT, ĐÁNH GIÁ'),
        C('{{if .danh_gia.thuan_loi}}'),
        H('1. Thuận lợi'),
        C('{{range .danh_gia.thuan_loi}}'), N('{{.}}'), C('{{end}}'),
        C('{{end}}'),
        C('{{if or .danh_gia.han_che .danh_gia.han_che_mo_dau}}'),
        H('{{if .danh_gia.thuan_loi}}2{{else}}1{{end}}. Hạn chế, tồn tại'),
        C('{{if .danh_gia.han_che_mo_dau}}'), N('{{.danh_gia.han_che_mo_dau}}'), C('{{end}}'),
        C('{{range .danh_gia.han_che}}'), N('{{.}}'), C('{{end}}'),
        C('{{end}}'),
        C('{{end}}'),
    ]

TARGETS = ('Phấn đấu đến cuối năm {{$.ky.nam}}{{if $.bao_hiem.bhyt.ke_hoach_bao_phu.IsValid}} tỷ lệ người tham gia bảo hiểm y tế đạt {{$.bao_hiem.bhyt.ke_hoach_bao_phu}} dân số{{if $.bao_hiem.bhxh.ke_hoach.IsValid}},{{end}}{{end}}'
           '{{if $.bao_hiem.bhxh.ke_hoach.IsValid}} người tham gia bảo hiểm xã hội đạt {{$.bao_hiem.bhxh.ke_hoach}} lực lượng lao động trong độ tuổi{{end}}.')
HAS_TARGETS = '(and (not $.ky.ket_thuc_nam) (or $.bao_hiem.bhyt.ke_hoach_bao_phu.IsValid $.bao_hiem.bhxh.ke_hoach.IsValid))'

def section_tasks():
    return [
        H('{{if or .danh_gia.thuan_loi .danh_gia.han_che .danh_gia.han_che_mo_dau}}III{{else}}II{{end}}. NHIỆM VỤ VÀ GIẢI PHÁP {{hoa .ky.tiep_theo.ten_day_du}}'),
        N('{{if .nhiem_vu.mo_dau}}{{.nhiem_vu.mo_dau}}{{else}}Để thực hiện tốt công tác an sinh xã hội {{.tu_ngu.dia_ban}} trong {{.ky.tiep_theo.ten_day_du}}, {{.tu_ngu.ubnd}} tập trung chỉ đạo các cơ quan, đơn vị liên quan thực hiện các nhiệm vụ, giải pháp sau:{{end}}'),
        C('{{range $i, $p := .nhiem_vu.danh_sach}}'),
        N('{{stt $i}}. {{$p}}{{if and (eq (stt $i) (print $.nhiem_vu.chi_tieu_o_muc)) ' + HAS_TARGETS + '}} ' + TARGETS + '{{end}}'),
        C('{{end}}'),
        C('{{if not .nhiem_vu.danh_sach}}'),
        N('1. Tiếp tục thực hiện đầy đủ, kịp thời các chính sách giảm nghèo, tín dụng ưu đãi, bảo hiểm y tế, bảo hiểm xã hội, đào tạo nghề, giải quyết việc làm và bảo trợ xã hội theo quy định.'),
        N('2. Đẩy mạnh tuyên truyền, vận động người dân tham gia bảo hiểm y tế, bảo hiểm xã hội; huy động các nguồn lực xã hội hỗ trợ hộ nghèo, hộ cận nghèo và người có hoàn cảnh khó khăn.'),
        N('3. Tăng cường kiểm tra, giám sát việc thực hiện các chính sách an sinh xã hội {{.tu_ngu.dia_ban}}.'),
        C('{{end}}'),
        C('{{if and (or (not .nhiem_vu.danh_sach) (eq .nhiem_vu.chi_tieu_o_muc 0)) ' + HAS_TARGETS.replace('$.', '.') + '}}'),
        N(TARGETS.replace('$.', '.')),
        C('{{end}}'),
    ]

def closing():
    return [
        P('Ket', 'Trên đây là báo cáo kết quả thực hiện công tác an sinh xã hội ' + KY + ' và nhiệm vụ, giải pháp {{.ky.tiep_theo.ten_day_du}}, {{.tu_ngu.ubnd_day_du}} báo cáo {{.tu_ngu.noi_gui}} theo dõi./.'),
        '''   <table:table table:name="Cuoi" table:style-name="TCuoi">
    <table:table-column table:style-name="TCuoi.A"/>
    <table:table-column table:style-name="TCuoi.B"/>
    <table:table-row table:style-name="TCuoi.1">
     <table:table-cell table:style-name="TCuoi.O" office:value-type="string">
      <text:p text:style-name="Noi_20_nhan">Nơi nhận:</text:p>
      <text:p text:style-name="Nguoi_20_nhan">{{range .tu_ngu.noi_nhan}}</text:p>
      <text:p text:style-name="Nguoi_20_nhan">- {{.}};</text:p>
      <text:p text:style-name="Nguoi_20_nhan">{{end}}</text:p>
      <text:p text:style-name="Nguoi_20_nhan">- Lưu: {{.tu_ngu.luu}}.</text:p>
     </table:table-cell>
     <table:table-cell table:style-name="TCuoi.O" office:value-type="string">
      <text:p text:style-name="Ky_20_ten">{{.tu_ngu.tham_quyen}}</text:p>
      <text:p text:style-name="Ky_20_ten">{{if .van_ban.ky_ten.thay_mat}}</text:p>
      <text:p text:style-name="Ky_20_ten">{{.van_ban.ky_ten.thay_mat}}</text:p>
      <text:p text:style-name="Ky_20_ten">{{end}}</text:p>
      <text:p text:style-name="Ky_20_ten">{{.tu_ngu.chuc_vu}}</text:p>
      <text:p text:style-name="Ky_20_ten"/>
      <text:p text:style-name="Ky_20_ten"/>
      <text:p text:style-name="Ky_20_ten"/>
      <text:p text:style-name="Ky_20_ten"/>
      <text:p text:style-name="Ho_20_ten">{{.van_ban.ky_ten.ho_ten}}</text:p>
     </table:table-cell>
    </table:table-row>
   </table:table>''',
    ]

def doc(title_comment, parts):
    body = '\n'.join(parts)
    comment = '''<?xml version="1.0" encoding="UTF-8"?>
<!--
  %s
  Standard template of package ansinh/mau (Nghị định 30/2020/NĐ-CP, Phụ lục I). Written
  by gen_fodt.py (edit the script, not this file) and converted to the .docx beside it
  by ./gen.sh. Tags are Go text/template actions over
  the documented data tree of ansinh (Report.Data, Rollup.Data): no place, code, office,
  donor or programme of any one unit is written here; lists print from the data in file
  order, and empty, zero or absent figures leave their clause out or say "không phát
  sinh". Control tags ({{range}}, {{if}}, {{end}}) stand alone in their paragraph so the
  paragraph disappears when rendered. Keep every tag in plain text.
-->
''' % title_comment
    return comment + head + '\n <office:body>\n  <office:text>\n' + header + '\n' + body + '\n  </office:text>\n </office:body>\n</office:document>\n'

def build(kind):
    parent = kind in ('huyen', 'tinh')
    parts = opening(parent) + section_direction()
    parts += section_poverty()
    if parent:
        parts += units_table()
    parts += section_credit() + section_insurance() + section_labour() + section_assistance() + section_education() + section_electricity()
    parts += section_custom()
    parts += compare_table() + plan_table()
    parts += section_assessment() + section_tasks() + closing()
    return parts

titles = {
    'xa': 'Báo cáo an sinh xã hội cấp xã (xã, phường, đặc khu; thị trấn trước 01/7/2025).',
    'huyen': 'Báo cáo an sinh xã hội cấp huyện (huyện, quận, thị xã, thành phố thuộc tỉnh; kỳ trước 01/7/2025), với bảng các đơn vị trực thuộc khi có.',
    'tinh': 'Báo cáo an sinh xã hội cấp tỉnh (tỉnh, thành phố trực thuộc trung ương): số liệu tổng hợp từ các đơn vị trực thuộc.',
}
outdir = sys.argv[1] if len(sys.argv) > 1 else here
for k in ('xa', 'huyen', 'tinh'):
    with open(os.path.join(outdir, k + '.fodt'), 'w', encoding='utf-8') as f:
        f.write(doc(titles[k], build(k)))
