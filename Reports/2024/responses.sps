* Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2024.
* Dữ liệu mô phỏng — không phải kết quả chính thức.
* Written by sipas 0.1.0. Run from the folder holding responses.csv: pspp responses.sps.

GET DATA
  /TYPE=TXT
  /FILE='responses.csv'
  /ENCODING='UTF-8'
  /ARRANGEMENT=DELIMITED
  /DELCASE=LINE
  /FIRSTCASE=2
  /DELIMITERS=","
  /QUALIFIER='"'
  /VARIABLES=
    form_id A13
    year F8.0
    province_code A2
    commune_code A5
    weight F12.2
    sex F8.0
    age F8.0
    agency_level A5
    sector A8
    agency_code A10
    agency_name A46
    POL_interest_econ F8.0
    POL_interest_health F8.0
    POL_interest_school F8.0
    POL_interest_water F8.0
    POL_interest_power F8.0
    POL_interest_security F8.0
    POL_interest_roads F8.0
    POL_interest_welfare F8.0
    POL_interest_par F8.0
    PERC_harass F8.0
    PERC_harass_report F8.0
    POL_econ_participation F8.0
    POL_econ_quality F8.0
    POL_econ_implementation F8.0
    POL_econ_impact F8.0
    POL_health_participation F8.0
    POL_health_quality F8.0
    POL_health_implementation F8.0
    POL_health_impact F8.0
    POL_school_participation F8.0
    POL_school_quality F8.0
    POL_school_implementation F8.0
    POL_school_impact F8.0
    POL_water_participation F8.0
    POL_water_quality F8.0
    POL_water_implementation F8.0
    POL_water_impact F8.0
    POL_power_participation F8.0
    POL_power_quality F8.0
    POL_power_implementation F8.0
    POL_power_impact F8.0
    POL_security_participation F8.0
    POL_security_quality F8.0
    POL_security_implementation F8.0
    POL_security_impact F8.0
    POL_roads_participation F8.0
    POL_roads_quality F8.0
    POL_roads_implementation F8.0
    POL_roads_impact F8.0
    POL_welfare_participation F8.0
    POL_welfare_quality F8.0
    POL_welfare_implementation F8.0
    POL_welfare_impact F8.0
    POL_par_participation F8.0
    POL_par_quality F8.0
    POL_par_implementation F8.0
    POL_par_impact F8.0
    PAS_E1_c1 F8.0
    PAS_E1_c2 F8.0
    PAS_E1_c3 F8.0
    PAS_E1_gen F8.0
    PAS_E2_c1 F8.0
    PAS_E2_c2 F8.0
    PAS_E2_c3 F8.0
    PAS_E2_c4 F8.0
    PAS_E2_gen F8.0
    PAS_E3_c1 F8.0
    PAS_E3_c2 F8.0
    PAS_E3_c3 F8.0
    PAS_E3_c4 F8.0
    PAS_E3_gen F8.0
    PAS_E4_c1 F8.0
    PAS_E4_c2 F8.0
    PAS_E4_c3 F8.0
    PAS_E4_gen F8.0
    PAS_E5_c1 F8.0
    PAS_E5_c2 F8.0
    PAS_E5_c3 F8.0
    PAS_E5_gen F8.0
.

VARIABLE LABELS
  form_id 'Mã phiếu'
  /  year 'Năm khảo sát'
  /  province_code 'Tỉnh, thành phố'
  /  commune_code 'Xã, phường'
  /  weight 'Trọng số'
  /  sex 'Giới tính'
  /  age 'Tuổi'
  /  agency_level 'Cấp cơ quan giải quyết thủ tục gần nhất'
  /  sector 'Lĩnh vực thủ tục hành chính gần nhất'
  /  agency_code 'Mã cơ quan, đơn vị giải quyết'
  /  agency_name 'Tên cơ quan, đơn vị giải quyết'
  /  POL_interest_econ 'Mức độ quan tâm: Phát triển kinh tế'
  /  POL_interest_health 'Mức độ quan tâm: Khám, chữa bệnh'
  /  POL_interest_school 'Mức độ quan tâm: Giáo dục phổ thông'
  /  POL_interest_water 'Mức độ quan tâm: Nước sinh hoạt'
  /  POL_interest_power 'Mức độ quan tâm: Điện sinh hoạt'
  /  POL_interest_security 'Mức độ quan tâm: Trật tự, an toàn xã hội'
  /  POL_interest_roads 'Mức độ quan tâm: Giao thông đường bộ'
  /  POL_interest_welfare 'Mức độ quan tâm: An sinh xã hội'
  /  POL_interest_par 'Mức độ quan tâm: Cải cách hành chính nhà nước'
  /  PERC_harass 'Công chức có gây phiền hà, sách nhiễu không'
  /  PERC_harass_report 'Ông/bà có phản ánh việc phiền hà, sách nhiễu không'
  /  POL_econ_participation 'Phát triển kinh tế – tham gia xây dựng chính sách'
  /  POL_econ_quality 'Phát triển kinh tế – chất lượng chính sách'
  /  POL_econ_implementation 'Phát triển kinh tế – tổ chức thực hiện chính sách'
  /  POL_econ_impact 'Phát triển kinh tế – kết quả, tác động của chính sách'
  /  POL_health_participation 'Khám, chữa bệnh – tham gia xây dựng chính sách'
  /  POL_health_quality 'Khám, chữa bệnh – chất lượng chính sách'
  /  POL_health_implementation 'Khám, chữa bệnh – tổ chức thực hiện chính sách'
  /  POL_health_impact 'Khám, chữa bệnh – kết quả, tác động của chính sách'
  /  POL_school_participation 'Giáo dục phổ thông – tham gia xây dựng chính sách'
  /  POL_school_quality 'Giáo dục phổ thông – chất lượng chính sách'
  /  POL_school_implementation 'Giáo dục phổ thông – tổ chức thực hiện chính sách'
  /  POL_school_impact 'Giáo dục phổ thông – kết quả, tác động của chính sách'
  /  POL_water_participation 'Nước sinh hoạt – tham gia xây dựng chính sách'
  /  POL_water_quality 'Nước sinh hoạt – chất lượng chính sách'
  /  POL_water_implementation 'Nước sinh hoạt – tổ chức thực hiện chính sách'
  /  POL_water_impact 'Nước sinh hoạt – kết quả, tác động của chính sách'
  /  POL_power_participation 'Điện sinh hoạt – tham gia xây dựng chính sách'
  /  POL_power_quality 'Điện sinh hoạt – chất lượng chính sách'
  /  POL_power_implementation 'Điện sinh hoạt – tổ chức thực hiện chính sách'
  /  POL_power_impact 'Điện sinh hoạt – kết quả, tác động của chính sách'
  /  POL_security_participation 'Trật tự, an toàn xã hội – tham gia xây dựng chính sách'
  /  POL_security_quality 'Trật tự, an toàn xã hội – chất lượng chính sách'
  /  POL_security_implementation 'Trật tự, an toàn xã hội – tổ chức thực hiện chính sách'
  /  POL_security_impact 'Trật tự, an toàn xã hội – kết quả, tác động của chính sách'
  /  POL_roads_participation 'Giao thông đường bộ – tham gia xây dựng chính sách'
  /  POL_roads_quality 'Giao thông đường bộ – chất lượng chính sách'
  /  POL_roads_implementation 'Giao thông đường bộ – tổ chức thực hiện chính sách'
  /  POL_roads_impact 'Giao thông đường bộ – kết quả, tác động của chính sách'
  /  POL_welfare_participation 'An sinh xã hội – tham gia xây dựng chính sách'
  /  POL_welfare_quality 'An sinh xã hội – chất lượng chính sách'
  /  POL_welfare_implementation 'An sinh xã hội – tổ chức thực hiện chính sách'
  /  POL_welfare_impact 'An sinh xã hội – kết quả, tác động của chính sách'
  /  POL_par_participation 'Cải cách hành chính nhà nước – tham gia xây dựng chính sách'
  /  POL_par_quality 'Cải cách hành chính nhà nước – chất lượng chính sách'
  /  POL_par_implementation 'Cải cách hành chính nhà nước – tổ chức thực hiện chính sách'
  /  POL_par_impact 'Cải cách hành chính nhà nước – kết quả, tác động của chính sách'
  /  PAS_E1_c1 'Biển hiệu, chỉ dẫn rõ ràng, dễ tìm'
  /  PAS_E1_c2 'Đủ chỗ ngồi, bàn viết cho người dân'
  /  PAS_E1_c3 'Trang thiết bị phục vụ đầy đủ, dễ sử dụng'
  /  PAS_E1_gen 'Nhìn chung: tiếp cận dịch vụ hành chính công'
  /  PAS_E2_c1 'Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác'
  /  PAS_E2_c2 'Thành phần hồ sơ phải nộp đúng quy định'
  /  PAS_E2_c3 'Phí, lệ phí phải nộp đúng quy định'
  /  PAS_E2_c4 'Thời hạn giải quyết đúng quy định'
  /  PAS_E2_gen 'Nhìn chung: thủ tục hành chính'
  /  PAS_E3_c1 'Thái độ giao tiếp lịch sự'
  /  PAS_E3_c2 'Chú ý lắng nghe ý kiến của người dân'
  /  PAS_E3_c3 'Trả lời, giải đáp đầy đủ các ý kiến'
  /  PAS_E3_c4 'Hướng dẫn kê khai hồ sơ tận tình, chu đáo, dễ hiểu'
  /  PAS_E3_gen 'Nhìn chung: công chức trực tiếp giải quyết công việc'
  /  PAS_E4_c1 'Kết quả đúng quy định'
  /  PAS_E4_c2 'Kết quả có thông tin đầy đủ, chính xác'
  /  PAS_E4_c3 'Nhận kết quả đúng hẹn'
  /  PAS_E4_gen 'Nhìn chung: kết quả cung ứng dịch vụ hành chính công'
  /  PAS_E5_c1 'Có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị'
  /  PAS_E5_c2 'Dễ dàng thực hiện góp ý, phản ánh, kiến nghị'
  /  PAS_E5_c3 'Tiếp nhận, xử lý và thông báo kết quả kịp thời'
  /  PAS_E5_gen 'Nhìn chung: tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị'.

VALUE LABELS
  /province_code
    '01' 'Hà Nội'
    '02' 'Hà Giang'
    '04' 'Cao Bằng'
    '06' 'Bắc Kạn'
    '08' 'Tuyên Quang'
    '10' 'Lào Cai'
    '11' 'Điện Biên'
    '12' 'Lai Châu'
    '14' 'Sơn La'
    '15' 'Yên Bái'
    '17' 'Hòa Bình'
    '19' 'Thái Nguyên'
    '20' 'Lạng Sơn'
    '22' 'Quảng Ninh'
    '24' 'Bắc Giang'
    '25' 'Phú Thọ'
    '26' 'Vĩnh Phúc'
    '27' 'Bắc Ninh'
    '30' 'Hải Dương'
    '31' 'Hải Phòng'
    '33' 'Hưng Yên'
    '34' 'Thái Bình'
    '35' 'Hà Nam'
    '36' 'Nam Định'
    '37' 'Ninh Bình'
    '38' 'Thanh Hóa'
    '40' 'Nghệ An'
    '42' 'Hà Tĩnh'
    '44' 'Quảng Bình'
    '45' 'Quảng Trị'
    '46' 'Thừa Thiên Huế'
    '48' 'Đà Nẵng'
    '49' 'Quảng Nam'
    '51' 'Quảng Ngãi'
    '52' 'Bình Định'
    '54' 'Phú Yên'
    '56' 'Khánh Hòa'
    '58' 'Ninh Thuận'
    '60' 'Bình Thuận'
    '62' 'Kon Tum'
    '64' 'Gia Lai'
    '66' 'Đắk Lắk'
    '67' 'Đắk Nông'
    '68' 'Lâm Đồng'
    '70' 'Bình Phước'
    '72' 'Tây Ninh'
    '74' 'Bình Dương'
    '75' 'Đồng Nai'
    '77' 'Bà Rịa - Vũng Tàu'
    '79' 'Hồ Chí Minh'
    '80' 'Long An'
    '82' 'Tiền Giang'
    '83' 'Bến Tre'
    '84' 'Trà Vinh'
    '86' 'Vĩnh Long'
    '87' 'Đồng Tháp'
    '89' 'An Giang'
    '91' 'Kiên Giang'
    '92' 'Cần Thơ'
    '93' 'Hậu Giang'
    '94' 'Sóc Trăng'
    '95' 'Bạc Liêu'
    '96' 'Cà Mau'
  /sex
    1 'Nam'
    2 'Nữ'
  /agency_level
    'tinh' 'Cấp tỉnh'
    'huyen' 'Cấp huyện'
    'xa' 'Cấp xã'
  /sector
    'dat_dai' 'Đất đai'
    'xay_dung' 'Xây dựng'
    'dau_tu' 'Đầu tư, kinh doanh'
    'tu_phap' 'Tư pháp, hộ tịch'
    'ldtbxh' 'Lao động, thương binh và xã hội'
    'gtvt' 'Giao thông vận tải'
    'khac' 'Lĩnh vực khác'
  /POL_interest_econ
    1 'Rất quan tâm'
    2 'Ít quan tâm'
    3 'Không quan tâm'
  /POL_interest_health
    1 'Rất quan tâm'
    2 'Ít quan tâm'
    3 'Không quan tâm'
  /POL_interest_school
    1 'Rất quan tâm'
    2 'Ít quan tâm'
    3 'Không quan tâm'
  /POL_interest_water
    1 'Rất quan tâm'
    2 'Ít quan tâm'
    3 'Không quan tâm'
  /POL_interest_power
    1 'Rất quan tâm'
    2 'Ít quan tâm'
    3 'Không quan tâm'
  /POL_interest_security
    1 'Rất quan tâm'
    2 'Ít quan tâm'
    3 'Không quan tâm'
  /POL_interest_roads
    1 'Rất quan tâm'
    2 'Ít quan tâm'
    3 'Không quan tâm'
  /POL_interest_welfare
    1 'Rất quan tâm'
    2 'Ít quan tâm'
    3 'Không quan tâm'
  /POL_interest_par
    1 'Rất quan tâm'
    2 'Ít quan tâm'
    3 'Không quan tâm'
  /PERC_harass
    1 'Không có'
    2 'Có, một số lần'
    3 'Có, nhiều lần'
  /PERC_harass_report
    1 'Có'
    2 'Không'
  /POL_econ_participation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_econ_quality
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_econ_implementation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_econ_impact
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_health_participation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_health_quality
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_health_implementation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_health_impact
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_school_participation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_school_quality
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_school_implementation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_school_impact
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_water_participation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_water_quality
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_water_implementation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_water_impact
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_power_participation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_power_quality
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_power_implementation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_power_impact
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_security_participation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_security_quality
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_security_implementation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_security_impact
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_roads_participation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_roads_quality
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_roads_implementation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_roads_impact
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_welfare_participation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_welfare_quality
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_welfare_implementation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_welfare_impact
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_par_participation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_par_quality
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_par_implementation
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /POL_par_impact
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E1_c1
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E1_c2
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E1_c3
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E1_gen
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E2_c1
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E2_c2
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E2_c3
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E2_c4
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E2_gen
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E3_c1
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E3_c2
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E3_c3
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E3_c4
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E3_gen
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E4_c1
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E4_c2
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E4_c3
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E4_gen
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E5_c1
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E5_c2
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E5_c3
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'
  /PAS_E5_gen
    1 'Rất không hài lòng'
    2 'Không hài lòng'
    3 'Bình thường'
    4 'Hài lòng'
    5 'Rất hài lòng'
    8 'Không áp dụng'
    9 'Không biết / không trả lời'.

MISSING VALUES POL_econ_participation POL_econ_quality POL_econ_implementation POL_econ_impact POL_health_participation POL_health_quality POL_health_implementation POL_health_impact POL_school_participation POL_school_quality POL_school_implementation POL_school_impact POL_water_participation POL_water_quality POL_water_implementation POL_water_impact POL_power_participation POL_power_quality POL_power_implementation POL_power_impact POL_security_participation POL_security_quality POL_security_implementation POL_security_impact POL_roads_participation POL_roads_quality POL_roads_implementation POL_roads_impact POL_welfare_participation POL_welfare_quality POL_welfare_implementation POL_welfare_impact POL_par_participation POL_par_quality POL_par_implementation POL_par_impact PAS_E1_c1 PAS_E1_c2 PAS_E1_c3 PAS_E1_gen PAS_E2_c1 PAS_E2_c2 PAS_E2_c3 PAS_E2_c4 PAS_E2_gen PAS_E3_c1 PAS_E3_c2 PAS_E3_c3 PAS_E3_c4 PAS_E3_gen PAS_E4_c1 PAS_E4_c2 PAS_E4_c3 PAS_E4_gen PAS_E5_c1 PAS_E5_c2 PAS_E5_c3 PAS_E5_gen (8, 9).
DOCUMENT Dữ liệu mô phỏng — không phải kết quả chính thức.
WEIGHT BY weight.
EXECUTE.
